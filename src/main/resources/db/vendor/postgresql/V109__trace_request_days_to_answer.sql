-- days_to_answer of the answers given before V107
UPDATE trace_request SET days_to_answer = answered_on - opened_on WHERE answered_on IS NOT NULL;
