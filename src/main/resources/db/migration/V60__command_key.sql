-- The command kernel's idempotency keys, for the commands of every module: a retry with the same key is
-- answered with the first answer instead of recording the facts twice. Replaces registry_command and the
-- client_key column of trace_request.

CREATE TABLE command_key (
    idempotency_key VARCHAR(200)             NOT NULL PRIMARY KEY,
    command         VARCHAR(60)              NOT NULL,
    subject_id      UUID,
    -- the ledger sequence numbers the command recorded, comma-separated
    ledger_seqs     VARCHAR(1000000)         NOT NULL,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

INSERT INTO command_key (idempotency_key, command, subject_id, ledger_seqs, recorded_at)
SELECT idempotency_key, command, subject_id, ledger_seqs, recorded_at FROM registry_command;

INSERT INTO command_key (idempotency_key, command, subject_id, ledger_seqs, recorded_at)
SELECT client_key, 'open-trace-request', id, '', CURRENT_TIMESTAMP FROM trace_request
WHERE client_key IS NOT NULL AND client_key NOT IN (SELECT idempotency_key FROM registry_command);

DROP TABLE registry_command;

ALTER TABLE trace_request DROP COLUMN client_key;
