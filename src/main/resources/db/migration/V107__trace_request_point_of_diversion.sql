-- Where an answered trace left the legal chain, for the dashboard's points of diversion: the last legal holder
-- (id and role) and the fact at the point of diversion with its first value (an export's country). Set for answers
-- from this version on; `armstrace rebuild` sets them for answers given before.
ALTER TABLE trace_request ADD COLUMN last_holder_id UUID;
ALTER TABLE trace_request ADD COLUMN last_holder_role VARCHAR(30);
ALTER TABLE trace_request ADD COLUMN diversion_fact VARCHAR(30);
ALTER TABLE trace_request ADD COLUMN diversion_value VARCHAR(200);

-- Days from opening to answer, for the dashboard's median without date arithmetic in SQL (which H2 and PostgreSQL
-- write differently); answers given before are filled by the vendor migration V109.
ALTER TABLE trace_request ADD COLUMN days_to_answer INT;

-- the dashboard's trace indicators are grouped over the requests opened in a period
CREATE INDEX trace_request_opened ON trace_request (opened_on);
