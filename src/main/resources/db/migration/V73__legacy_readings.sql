-- The readings officers approved for legacy values ("Rhodesia" in country_of_manufacture stands for ZWE): a
-- projection of registry.legacy-value-standardised, which later imports read a value by before anything else.
CREATE TABLE legacy_reading (
    field VARCHAR(30)  NOT NULL,
    text  VARCHAR(200) NOT NULL,
    read_as VARCHAR(200) NOT NULL,
    PRIMARY KEY (field, text)
);
