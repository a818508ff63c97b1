-- The ledger: append-only entries, the interior nodes of their Merkle tree, and signed checkpoints.
-- UPDATE and DELETE on these tables are refused by triggers (V2, per database).

CREATE TABLE ledger_entry (
    seq            BIGINT                   NOT NULL PRIMARY KEY,
    event_id       UUID                     NOT NULL UNIQUE,
    type           VARCHAR(100)             NOT NULL,
    schema_version INT                      NOT NULL,
    recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    actor          VARCHAR(200)             NOT NULL,
    subject_id     VARCHAR(100),
    -- the canonical JSON (RFC 8785) bytes that were hashed: leaf_hash = SHA-256(0x00 || entry)
    entry          BYTEA                    NOT NULL,
    leaf_hash      BYTEA                    NOT NULL
);

CREATE INDEX ledger_entry_subject ON ledger_entry (subject_id, seq);

-- Perfect subtrees of height >= 1, keyed by the last leaf they cover: the order in which they are completed,
-- so that verify can stream entries and nodes together, and node (level, index) is found at
-- leaf_seq = (index + 1) * 2^level - 1.
CREATE TABLE ledger_node (
    leaf_seq BIGINT   NOT NULL,
    level    SMALLINT NOT NULL,
    hash     BYTEA    NOT NULL,
    PRIMARY KEY (leaf_seq, level)
);

CREATE TABLE ledger_checkpoint (
    tree_size BIGINT                   NOT NULL PRIMARY KEY,
    root_hash BYTEA                    NOT NULL,
    signed_at TIMESTAMP WITH TIME ZONE NOT NULL,
    -- the whole signed note (C2SP tlog-checkpoint) exactly as served
    note      VARCHAR(4000)            NOT NULL
);

-- One row, locked FOR UPDATE by every appending transaction: the ledger has one writer at a time, on H2 and
-- on PostgreSQL, even with several application instances.
CREATE TABLE ledger_sequencer (
    id INT NOT NULL PRIMARY KEY
);
INSERT INTO ledger_sequencer (id) VALUES (1);
