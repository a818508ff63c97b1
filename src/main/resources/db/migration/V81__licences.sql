-- Licences: projections of the ledger's licensing events, rebuilt by 'armstrace rebuild'. The holder is the
-- registry's holder id (no foreign key: each module's tables are rebuilt on their own).
CREATE TABLE licence (
    id                UUID         NOT NULL PRIMARY KEY,
    number            VARCHAR(100) UNIQUE,
    holder_id         UUID         NOT NULL,
    kind              VARCHAR(20)  NOT NULL,
    state             VARCHAR(20)  NOT NULL,
    issuing_authority VARCHAR(200) NOT NULL,
    conditions        VARCHAR(500),
    storage_inspected BOOLEAN      NOT NULL,
    applied_on        DATE         NOT NULL,
    issued_on         DATE,
    valid_until       DATE,
    state_reason      VARCHAR(500),
    order_reference   VARCHAR(100),
    state_changed_on  DATE         NOT NULL,
    last_seq          BIGINT       NOT NULL
);

CREATE INDEX licence_holder ON licence (holder_id, state);
CREATE INDEX licence_valid_until ON licence (state, valid_until);

CREATE TABLE licence_coverage (
    licence_id UUID        NOT NULL,
    category   VARCHAR(20) NOT NULL,
    quantity   INTEGER,
    PRIMARY KEY (licence_id, category)
);
