-- Brokering activities reported under a broker's licence (Firearms Protocol art. 15): a projection of the ledger's
-- licensing.brokering-activity-recorded events.
CREATE TABLE brokering_activity (
    id                    UUID         NOT NULL PRIMARY KEY,
    licence_id            UUID         NOT NULL,
    description           VARCHAR(500) NOT NULL,
    category              VARCHAR(20),
    quantity              INTEGER      NOT NULL,
    from_country          VARCHAR(3)   NOT NULL,
    to_country            VARCHAR(3)   NOT NULL,
    transit_countries     VARCHAR(200),
    seller_id             UUID,
    buyer_id              UUID,
    transaction_reference VARCHAR(100),
    occurred_on           DATE         NOT NULL,
    last_seq              BIGINT       NOT NULL
);

CREATE INDEX brokering_activity_licence ON brokering_activity (licence_id, occurred_on);
