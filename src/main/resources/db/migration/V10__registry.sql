-- Registry projections: rebuilt from the ledger by 'armstrace rebuild'. Personal data of holders lives apart
-- (holder_identity), is never on the ledger and is not touched by a rebuild.

CREATE TABLE holder (
    id                UUID         NOT NULL PRIMARY KEY,
    role              VARCHAR(20)  NOT NULL,
    country           CHAR(3)      NOT NULL,
    licence_reference VARCHAR(100),
    last_seq          BIGINT       NOT NULL
);

CREATE TABLE holder_identity (
    holder_id UUID         NOT NULL PRIMARY KEY,
    name      VARCHAR(300) NOT NULL,
    address   VARCHAR(500)
);

CREATE TABLE firearm (
    id                     UUID         NOT NULL PRIMARY KEY,
    record_number          VARCHAR(20)  NOT NULL UNIQUE,
    type                   VARCHAR(20)  NOT NULL,
    craft_made             BOOLEAN      NOT NULL,
    printed_3d             BOOLEAN      NOT NULL,
    converted              BOOLEAN      NOT NULL,
    modular                BOOLEAN      NOT NULL,
    make                   VARCHAR(200) NOT NULL,
    make_key               VARCHAR(200) NOT NULL,
    model                  VARCHAR(200),
    calibre                VARCHAR(100),
    serial                 VARCHAR(60)  NOT NULL,
    serial_key             VARCHAR(60)  NOT NULL,
    country_of_manufacture CHAR(3)      NOT NULL,
    year_of_manufacture    INT,
    legacy_reference       VARCHAR(100),
    status                 VARCHAR(30)  NOT NULL,
    holder_id              UUID,
    suspected_duplicate    BOOLEAN      NOT NULL,
    diversion_flag         BOOLEAN      NOT NULL,
    registered_seq         BIGINT       NOT NULL,
    last_seq               BIGINT       NOT NULL
);

-- serial first: it serves the unique-marking check and searches by the start of a serial alike
CREATE INDEX firearm_marking ON firearm (serial_key, make_key, country_of_manufacture);
CREATE INDEX firearm_holder ON firearm (holder_id);

-- Markings of firearms and parts, in the order they were recorded.
CREATE TABLE item_marking (
    item_id UUID         NOT NULL,
    ordinal INT          NOT NULL,
    kind    VARCHAR(30)  NOT NULL,
    text    VARCHAR(200) NOT NULL,
    country CHAR(3),
    marking_year INT,
    PRIMARY KEY (item_id, ordinal)
);

CREATE TABLE part (
    id                     UUID         NOT NULL PRIMARY KEY,
    kind                   VARCHAR(20)  NOT NULL,
    make                   VARCHAR(200) NOT NULL,
    calibre                VARCHAR(100),
    serial                 VARCHAR(60)  NOT NULL,
    serial_key             VARCHAR(60)  NOT NULL,
    country_of_manufacture CHAR(3)      NOT NULL,
    holder_id              UUID,
    fitted_to              UUID,
    last_seq               BIGINT       NOT NULL
);

CREATE INDEX part_serial ON part (serial_key);
CREATE INDEX part_fitted_to ON part (fitted_to);

CREATE TABLE ammunition_lot (
    id           UUID         NOT NULL PRIMARY KEY,
    manufacturer VARCHAR(200) NOT NULL,
    calibre      VARCHAR(100) NOT NULL,
    lot_number   VARCHAR(100) NOT NULL,
    headstamp    VARCHAR(100),
    year_of_production INT,
    last_seq     BIGINT       NOT NULL
);

CREATE TABLE ammunition_holding (
    lot_id    UUID   NOT NULL,
    holder_id UUID   NOT NULL,
    quantity  BIGINT NOT NULL CHECK (quantity >= 0),
    PRIMARY KEY (lot_id, holder_id)
);

-- The last ledger entry each projection applied.
CREATE TABLE projection_position (
    projection VARCHAR(50) NOT NULL PRIMARY KEY,
    last_seq   BIGINT      NOT NULL
);
INSERT INTO projection_position (projection, last_seq) VALUES ('registry', -1);

-- Commands already carried out, by the client's idempotency key: a retry is answered, not recorded twice.
CREATE TABLE registry_command (
    idempotency_key VARCHAR(200)             NOT NULL PRIMARY KEY,
    command         VARCHAR(60)              NOT NULL,
    subject_id      UUID                     NOT NULL,
    ledger_seqs     VARCHAR(4000)            NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Human-facing record numbers (FA-2026-000123), counted per prefix and year.
CREATE TABLE record_number_counter (
    prefix     VARCHAR(10) NOT NULL,
    count_year INT         NOT NULL,
    last_value BIGINT      NOT NULL,
    PRIMARY KEY (prefix, count_year)
);
