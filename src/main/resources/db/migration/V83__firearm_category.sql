-- Every firearm carries a category of the State's classification (reference table firearm_category); a firearm
-- recorded before classifications existed is UNCLASSIFIED until an officer (or the legacy import) classifies it.
ALTER TABLE firearm ADD COLUMN category VARCHAR(20) DEFAULT 'UNCLASSIFIED' NOT NULL;
CREATE INDEX firearm_by_category ON firearm (category);
