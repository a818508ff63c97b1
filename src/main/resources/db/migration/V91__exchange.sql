-- Exchange between States: the peers this node trusts, the messages sent and received (a projection of the
-- ledger's exchange facts), other States' lost and stolen notices, hits notified to this State; and the outbox of
-- signed messages still to deliver (written in the transaction of the fact that causes each message).
CREATE TABLE exchange_peer (
    country      CHAR(3)      NOT NULL PRIMARY KEY,
    base_url     VARCHAR(300) NOT NULL,
    verifier_key VARCHAR(300) NOT NULL,
    last_seq     BIGINT       NOT NULL
);

CREATE TABLE exchange_message (
    id              VARCHAR(40)  NOT NULL PRIMARY KEY,
    direction       VARCHAR(8)   NOT NULL,
    peer            CHAR(3)      NOT NULL,
    message_type    VARCHAR(30)  NOT NULL,
    envelope_sha256 VARCHAR(64)  NOT NULL,
    at_time         TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seq        BIGINT       NOT NULL
);

CREATE TABLE foreign_lost_stolen (
    country     CHAR(3)      NOT NULL,
    reference   VARCHAR(100) NOT NULL,
    serial      VARCHAR(100) NOT NULL,
    serial_key  VARCHAR(100) NOT NULL,
    make        VARCHAR(200),
    model       VARCHAR(200),
    calibre     VARCHAR(100),
    status      VARCHAR(10)  NOT NULL,
    reported_on DATE,
    message_id  VARCHAR(40)  NOT NULL,
    last_seq    BIGINT       NOT NULL,
    PRIMARY KEY (country, reference)
);

CREATE INDEX foreign_lost_stolen_serial ON foreign_lost_stolen (serial_key);

CREATE TABLE exchange_hit (
    message_id         VARCHAR(40)  NOT NULL PRIMARY KEY,
    country            CHAR(3)      NOT NULL,
    reference          VARCHAR(100) NOT NULL,
    serial             VARCHAR(100) NOT NULL,
    seizure_reference  VARCHAR(100),
    received_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_seq           BIGINT       NOT NULL
);

CREATE TABLE exchange_outbox (
    id              VARCHAR(40)   NOT NULL PRIMARY KEY,
    recipient       CHAR(3)       NOT NULL,
    envelope        VARCHAR(20000) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts        INTEGER       NOT NULL,
    next_attempt_at TIMESTAMP WITH TIME ZONE NOT NULL,
    delivered_at    TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(500)
);

CREATE INDEX exchange_outbox_due ON exchange_outbox (delivered_at, next_attempt_at);
