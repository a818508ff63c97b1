-- days_to_answer of the answers given before V107
UPDATE trace_request SET days_to_answer = DATEDIFF('DAY', opened_on, answered_on) WHERE answered_on IS NOT NULL;
