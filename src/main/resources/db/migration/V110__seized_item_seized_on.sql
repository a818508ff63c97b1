-- The seizure's date on each of its items, so that a period's items (the IAFQ export's item list) are read
-- through an index on the items instead of joining every item ever seized with the period's seizures.
ALTER TABLE seized_item ADD COLUMN seized_on DATE;
UPDATE seized_item SET seized_on = (SELECT s.seized_on FROM seizure s WHERE s.id = seized_item.seizure_id);
CREATE INDEX seized_item_seized_on ON seized_item (seized_on);
