-- Trace requests and investigation cases: projections of the ledger's tracing events, rebuilt by
-- 'armstrace rebuild'. What is written about the circumstances in free text may name people, so it lives apart
-- (trace_request_circumstances), is never on the ledger and is not touched by a rebuild.

CREATE TABLE investigation_case (
    id         UUID        NOT NULL PRIMARY KEY,
    reference  VARCHAR(20) NOT NULL UNIQUE,
    opened_on  DATE        NOT NULL,
    last_seq   BIGINT      NOT NULL
);

CREATE TABLE trace_request (
    id                 UUID          NOT NULL PRIMARY KEY,
    reference          VARCHAR(20)   NOT NULL UNIQUE,
    case_id            UUID          NOT NULL,
    state              VARCHAR(20)   NOT NULL,
    priority           VARCHAR(10)   NOT NULL,
    urgent_reason      VARCHAR(500),
    observed           VARCHAR(4000) NOT NULL,
    observed_serial    VARCHAR(100),
    recovered_on       DATE,
    recovered_country  CHAR(3),
    recovered_place    VARCHAR(200),
    seizure_reference  VARCHAR(100),
    opened_on          DATE          NOT NULL,
    due_on             DATE          NOT NULL,
    unit               VARCHAR(100),
    firearm_id         UUID,
    confirmed_score    DOUBLE PRECISION,
    confirmed_band     VARCHAR(10),
    unresolved_reason  VARCHAR(1000),
    answer             VARCHAR(64000),
    answered_on        DATE,
    retail_dealer_id   UUID,
    time_to_crime_days BIGINT,
    closed_on          DATE,
    closing_note       VARCHAR(1000),
    opened_by          VARCHAR(100)  NOT NULL,
    client_key         VARCHAR(200)  UNIQUE,
    opened_seq         BIGINT        NOT NULL,
    last_seq           BIGINT        NOT NULL
);

CREATE INDEX trace_request_due ON trace_request (state, due_on);
CREATE INDEX trace_request_case ON trace_request (case_id);
CREATE INDEX trace_request_firearm ON trace_request (firearm_id);
CREATE INDEX trace_request_dealer ON trace_request (retail_dealer_id);

-- What the case gathers: weapons (firearm records) and persons (by opaque id; their data stays off the ledger).
CREATE TABLE case_subject (
    case_id    UUID        NOT NULL,
    kind       VARCHAR(10) NOT NULL,
    subject_id UUID        NOT NULL,
    role       VARCHAR(30),
    PRIMARY KEY (case_id, kind, subject_id)
);

CREATE TABLE case_person_identity (
    person_id   UUID         NOT NULL PRIMARY KEY,
    name        VARCHAR(300) NOT NULL,
    nationality CHAR(3)
);

CREATE TABLE trace_request_circumstances (
    trace_request_id UUID          NOT NULL PRIMARY KEY,
    circumstances    VARCHAR(4000) NOT NULL
);
