-- The entry of the catalogue of non-industrial firearms a firearm was identified as (registry.firearm-identified-as-
-- non-industrial); null for an industrial firearm or one not identified.
ALTER TABLE firearm ADD COLUMN non_industrial_entry VARCHAR(60);
