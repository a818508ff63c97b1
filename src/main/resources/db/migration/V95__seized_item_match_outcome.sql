-- the registry matches that wait for the candidate index are looked up by their state every few seconds
CREATE INDEX seized_item_match_outcome ON seized_item (match_outcome);
