-- Deactivation certificates (EU Implementing Regulation 2015/2403, Annex III): a projection of the registry's
-- firearm-deactivated events, so that a certificate is found by its number.
CREATE TABLE deactivation_certificate (
    number              VARCHAR(100) NOT NULL PRIMARY KEY,
    firearm_id          UUID         NOT NULL,
    standard            VARCHAR(100),
    verifying_authority VARCHAR(200) NOT NULL,
    marking             VARCHAR(100),
    deactivated_on      DATE         NOT NULL,
    last_seq            BIGINT       NOT NULL
);
