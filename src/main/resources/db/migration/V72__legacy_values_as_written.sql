-- What a legacy register wrote that the import could not read as ArmsTrace's codes (or read only as a likely
-- misspelling, read_as with its confidence in percent): a projection of registry.legacy-values-kept-as-written,
-- emptied field by field as officers read them (registry.legacy-value-standardised). The data-quality queue is
-- this table grouped by (field, text).
CREATE TABLE firearm_as_written (
    firearm_id UUID         NOT NULL,
    field      VARCHAR(30)  NOT NULL,
    text       VARCHAR(200) NOT NULL,
    read_as    VARCHAR(200),
    confidence INT          NOT NULL,
    PRIMARY KEY (firearm_id, field)
);

CREATE INDEX firearm_as_written_text ON firearm_as_written (field, text);
