-- A seized item may be a design of the catalogue of non-industrial firearms (an FGC-9, a converted alarm
-- pistol): the entry's code and its kind, kept as the seizure recorded them for the emerging-threat counts.
ALTER TABLE seized_item ADD COLUMN non_industrial_entry VARCHAR(60);
ALTER TABLE seized_item ADD COLUMN non_industrial_kind VARCHAR(30);

CREATE INDEX seized_item_non_industrial ON seized_item (non_industrial_entry);
