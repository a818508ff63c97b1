-- Where an answered trace left the legal chain, for the dashboard's points of diversion: the last legal holder
-- (id and role) and the fact at the point of diversion with its first value (an export's country). Set for answers
-- from this version on; `armstrace rebuild` sets them for answers given before.
ALTER TABLE trace_request ADD COLUMN last_holder_id UUID;
ALTER TABLE trace_request ADD COLUMN last_holder_role VARCHAR(30);
ALTER TABLE trace_request ADD COLUMN diversion_fact VARCHAR(30);
ALTER TABLE trace_request ADD COLUMN diversion_value VARCHAR(200);
