-- International trace requests both ways (ITI arts. 17-23): what this State asked its peers and what peers asked
-- it, with their state, due date and answer (a projection of the exchange's facts). The circumstances and the
-- contact a request carries are kept beside it, off the ledger (they may describe people), and survive a rebuild.
-- Witnessing: what this node last accepted of each peer's log, and the cosignatures peers made of its own.
CREATE TABLE international_trace_request (
    id                     VARCHAR(40)   NOT NULL PRIMARY KEY,
    direction              VARCHAR(8)    NOT NULL,
    peer                   CHAR(3)       NOT NULL,
    serial                 VARCHAR(100)  NOT NULL,
    make                   VARCHAR(200),
    model                  VARCHAR(200),
    calibre                VARCHAR(100),
    firearm_type           VARCHAR(40),
    country_of_manufacture CHAR(3),
    photograph_sha256      VARCHAR(1000),
    reason                 VARCHAR(500)  NOT NULL,
    urgency                VARCHAR(10)   NOT NULL,
    state                  VARCHAR(12)   NOT NULL,
    requested_at           TIMESTAMP WITH TIME ZONE NOT NULL,
    due_on                 DATE          NOT NULL,
    answered_at            TIMESTAMP WITH TIME ZONE,
    outcome                VARCHAR(12),
    answer_reason          VARCHAR(500),
    answer_record          VARCHAR(2000),
    last_seq               BIGINT        NOT NULL
);

CREATE INDEX international_trace_request_queue ON international_trace_request (direction, state, due_on);

CREATE TABLE international_trace_text (
    id            VARCHAR(40)   NOT NULL PRIMARY KEY,
    circumstances VARCHAR(2000),
    contact       VARCHAR(300)
);

ALTER TABLE exchange_peer ADD COLUMN inconsistent VARCHAR(500);

CREATE TABLE witness_state (
    peer        CHAR(3)       NOT NULL PRIMARY KEY,
    tree_size   BIGINT        NOT NULL,
    root_hash   VARCHAR(64)   NOT NULL,
    checkpoint  VARCHAR(2000) NOT NULL,
    checked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    last_error  VARCHAR(500)
);

CREATE TABLE ledger_cosignature (
    witness     CHAR(3)       NOT NULL,
    tree_size   BIGINT        NOT NULL,
    line        VARCHAR(400)  NOT NULL,
    received_at TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (witness, tree_size)
);

-- Spontaneous information (DP 40) both ways: its subject and text are kept here, off the ledger.
CREATE TABLE exchange_information (
    id         VARCHAR(40)   NOT NULL PRIMARY KEY,
    direction  VARCHAR(8)    NOT NULL,
    peer       CHAR(3)       NOT NULL,
    subject    VARCHAR(200)  NOT NULL,
    body       VARCHAR(4000) NOT NULL,
    at_time    TIMESTAMP WITH TIME ZONE NOT NULL
);
