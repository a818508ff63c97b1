-- Destruction batches proposed by one person and approved by another (the seizure module's projection of
-- seizure.destruction-proposed and seizure.destruction-approved).
CREATE TABLE destruction_proposal (
    id            UUID                     NOT NULL PRIMARY KEY,
    item_ids      VARCHAR(20000)           NOT NULL,
    method        VARCHAR(200)             NOT NULL,
    witnesses     VARCHAR(2000)            NOT NULL,
    destroy_on    DATE                     NOT NULL,
    proposed_by   VARCHAR(100)             NOT NULL,
    proposed_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    approved_by   VARCHAR(100),
    approved_at   TIMESTAMP WITH TIME ZONE,
    last_seq      BIGINT                   NOT NULL
);

-- Bulk exports of personal data, asked for by one person and approved by another before the file is made
-- (off the ledger; both steps are in the access log).
CREATE TABLE export_request (
    id            UUID                     NOT NULL PRIMARY KEY,
    kind          VARCHAR(40)              NOT NULL,
    parameters    VARCHAR(1000)            NOT NULL,
    purpose       VARCHAR(500)             NOT NULL,
    requested_by  VARCHAR(100)             NOT NULL,
    requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    approved_by   VARCHAR(100),
    approved_at   TIMESTAMP WITH TIME ZONE,
    downloaded_at TIMESTAMP WITH TIME ZONE
);
