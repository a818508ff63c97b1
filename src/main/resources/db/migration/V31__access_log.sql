-- Who consulted what, when and why (Directive (EU) 2016/680 art. 25): every record read, search, export and
-- refused access. Each row carries the SHA-256 of the previous row's hash and its own content, so removing or
-- altering a row breaks the chain from there on; UPDATE and DELETE are refused like on the ledger (V32).
CREATE TABLE access_log (
    seq          BIGINT                   NOT NULL PRIMARY KEY,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    username     VARCHAR(100)             NOT NULL,
    action       VARCHAR(20)              NOT NULL,
    target       VARCHAR(300)             NOT NULL,
    terms        VARCHAR(1000),
    purpose      VARCHAR(500),
    result_count INT,
    hash         BYTEA                    NOT NULL
);

CREATE INDEX access_log_user ON access_log (username, seq);

-- One row, locked by each writer: the chain has one writer at a time.
CREATE TABLE access_log_head (
    id        INT    NOT NULL PRIMARY KEY,
    last_seq  BIGINT NOT NULL,
    last_hash BYTEA
);
-- before the first row the chain starts from 32 zero bytes (last_hash NULL)
INSERT INTO access_log_head (id, last_seq, last_hash) VALUES (1, -1, NULL);
