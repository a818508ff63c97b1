-- Idempotency keys are one user's, and mean one request: the key is stored with who sent it and a fingerprint
-- (SHA-256) of what was sent. Keys stored before this were not scoped: they keep actor '*' and no fingerprint,
-- and still answer a retry from anyone, as they did.

CREATE TABLE command_key_by_actor (
    actor           VARCHAR(200)             NOT NULL,
    idempotency_key VARCHAR(200)             NOT NULL,
    command         VARCHAR(60)              NOT NULL,
    fingerprint     VARCHAR(64),
    subject_id      UUID,
    ledger_seqs     VARCHAR(1000000)         NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (actor, idempotency_key)
);

INSERT INTO command_key_by_actor (actor, idempotency_key, command, fingerprint, subject_id, ledger_seqs, recorded_at)
SELECT '*', idempotency_key, command, NULL, subject_id, ledger_seqs, recorded_at FROM command_key;

DROP TABLE command_key;

ALTER TABLE command_key_by_actor RENAME TO command_key;
