-- Money in an investigation case (DP 36-37: weapons, people and money together): what kind of financial
-- information, the amount and currency and when, a projection of the ledger's tracing facts. The account, the
-- counterparty and the description identify people and accounts, so they stay here, off the ledger, and survive a
-- rebuild.
CREATE TABLE case_financial (
    entry_id     UUID          NOT NULL PRIMARY KEY,
    case_id      UUID          NOT NULL,
    kind         VARCHAR(20)   NOT NULL,
    amount_minor BIGINT,
    currency     CHAR(3),
    occurred_on  DATE,
    last_seq     BIGINT        NOT NULL
);

CREATE INDEX case_financial_case ON case_financial (case_id);

CREATE TABLE case_financial_detail (
    entry_id     UUID          NOT NULL PRIMARY KEY,
    account      VARCHAR(200),
    counterparty VARCHAR(200),
    description  VARCHAR(500)
);
