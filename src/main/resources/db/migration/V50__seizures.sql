-- Seizures, their items, custody and judicial holds: projections of the ledger's seizure events, rebuilt by
-- 'armstrace rebuild'. Persons' and shipment parties' names and addresses are personal data: they live apart
-- (seizure_person_identity, shipment_party), are never on the ledger and are not touched by a rebuild.

CREATE TABLE seizure (
    id                  UUID         NOT NULL PRIMARY KEY,
    reference           VARCHAR(20)  NOT NULL UNIQUE,
    seized_on           DATE         NOT NULL,
    country             CHAR(3)      NOT NULL,
    region              VARCHAR(100),
    locality            VARCHAR(100),
    latitude            DOUBLE PRECISION,
    longitude           DOUBLE PRECISION,
    place_kind          VARCHAR(30)  NOT NULL,
    agency              VARCHAR(200) NOT NULL,
    case_reference      VARCHAR(100),
    legal_basis         VARCHAR(30)  NOT NULL,
    criminal_context    VARCHAR(30)  NOT NULL,
    carrier             VARCHAR(100),
    tracking_number     VARCHAR(100),
    declared_content    VARCHAR(200),
    origin_country      CHAR(3),
    destination_country CHAR(3),
    sender_id           UUID,
    recipient_id        UUID,
    last_seq            BIGINT       NOT NULL
);

CREATE INDEX seizure_date ON seizure (seized_on);

CREATE TABLE seized_item (
    id                     UUID          NOT NULL PRIMARY KEY,
    seizure_id             UUID          NOT NULL,
    item_number            INT           NOT NULL,
    kind                   VARCHAR(20)   NOT NULL,
    observed               VARCHAR(4000),
    observed_serial        VARCHAR(100),
    make                   VARCHAR(200),
    calibre                VARCHAR(100),
    firearm_type           VARCHAR(20),
    country_of_manufacture CHAR(3),
    country_of_last_import CHAR(3),
    part_kind              VARCHAR(20),
    quantity               BIGINT,
    headstamp              VARCHAR(100),
    lot_number             VARCHAR(100),
    firearm_id             UUID,
    match_outcome          VARCHAR(20),
    match_band             VARCHAR(10),
    lost_or_stolen         BOOLEAN,
    trace_request_id       UUID,
    trace_exception        VARCHAR(500),
    ballistic_reference    VARCHAR(100),
    storage_location       VARCHAR(200),
    custody_status         VARCHAR(20)   NOT NULL,
    custodian              VARCHAR(200),
    custody_since          DATE,
    destroyed_on           DATE,
    destruction_batch      UUID,
    last_seq               BIGINT        NOT NULL,
    UNIQUE (seizure_id, item_number)
);

CREATE INDEX seized_item_custody ON seized_item (custody_status, storage_location);
CREATE INDEX seized_item_firearm ON seized_item (firearm_id);

CREATE TABLE judicial_hold (
    id            UUID         NOT NULL PRIMARY KEY,
    item_id       UUID         NOT NULL,
    case_reference VARCHAR(100) NOT NULL,
    court         VARCHAR(200) NOT NULL,
    placed_on     DATE         NOT NULL,
    held_until    DATE,
    released_on   DATE,
    release_reason VARCHAR(500),
    last_seq      BIGINT       NOT NULL
);

CREATE INDEX judicial_hold_item ON judicial_hold (item_id);

CREATE TABLE seizure_person (
    seizure_id UUID        NOT NULL,
    person_id  UUID        NOT NULL,
    role       VARCHAR(20) NOT NULL,
    PRIMARY KEY (seizure_id, person_id)
);

CREATE TABLE seizure_person_identity (
    person_id   UUID         NOT NULL PRIMARY KEY,
    name        VARCHAR(300) NOT NULL,
    nationality CHAR(3)
);

-- Senders and recipients of postal and courier shipments; the key groups the same party written differently.
CREATE TABLE shipment_party (
    id         UUID         NOT NULL PRIMARY KEY,
    name       VARCHAR(300) NOT NULL,
    address    VARCHAR(500),
    party_key  VARCHAR(300) NOT NULL
);

CREATE INDEX shipment_party_key ON shipment_party (party_key);
