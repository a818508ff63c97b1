-- Each holder's register of acquisitions and disposals (EU Directive 2021/555 art. 10): one row for every
-- holder a registry fact moved an item into or out of, so that a dealer's register is one indexed read.
-- A projection like the others: rebuilt from the ledger and compared by the projection check.
CREATE TABLE holding_movement (
    holder_id       UUID        NOT NULL,
    seq             BIGINT      NOT NULL,
    movement        VARCHAR(20) NOT NULL,
    item_kind       VARCHAR(12) NOT NULL,
    item_id         UUID        NOT NULL,
    quantity        BIGINT      NOT NULL,
    counterparty_id UUID,
    country         CHAR(3),
    occurred_on     DATE,
    PRIMARY KEY (holder_id, seq, movement)
);
