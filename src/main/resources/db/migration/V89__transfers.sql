-- International transfers (Firearms Protocol art. 10): export, import and transit authorisations with their lines,
-- the consents an export waits for, end-user certificates, risk assessments, consignments and their receipt.
-- Projections of the ledger's transfers events, rebuilt by 'armstrace rebuild'.
CREATE TABLE transfer_authorisation (
    id                  UUID         NOT NULL PRIMARY KEY,
    kind                VARCHAR(10)  NOT NULL,
    state               VARCHAR(20)  NOT NULL,
    applicant_id        UUID         NOT NULL,
    number              VARCHAR(100) UNIQUE,
    issuing_authority   VARCHAR(200) NOT NULL,
    place_of_issue      VARCHAR(200) NOT NULL,
    export_country      CHAR(3)      NOT NULL,
    import_country      CHAR(3)      NOT NULL,
    transit_countries   VARCHAR(300),
    final_recipient     VARCHAR(300) NOT NULL,
    description         VARCHAR(500) NOT NULL,
    conditions          VARCHAR(500),
    foreign_reference   VARCHAR(100),
    foreign_issued_on   DATE,
    foreign_verified    VARCHAR(300),
    applied_on          DATE         NOT NULL,
    issued_on           DATE,
    valid_until         DATE,
    state_reason        VARCHAR(500),
    state_changed_on    DATE         NOT NULL,
    verification_code   VARCHAR(20)  NOT NULL,
    last_seq            BIGINT       NOT NULL
);

CREATE INDEX transfer_authorisation_by_state ON transfer_authorisation (state, kind);
CREATE INDEX transfer_authorisation_by_code ON transfer_authorisation (verification_code);

CREATE TABLE authorisation_line (
    authorisation_id UUID         NOT NULL,
    line_no          INTEGER      NOT NULL,
    item_kind        VARCHAR(12)  NOT NULL,
    firearm_id       UUID,
    part_kind        VARCHAR(20),
    calibre          VARCHAR(100),
    description      VARCHAR(300) NOT NULL,
    quantity         BIGINT       NOT NULL,
    shipped          BIGINT       NOT NULL,
    received         BIGINT       NOT NULL,
    PRIMARY KEY (authorisation_id, line_no)
);

CREATE TABLE transit_notice (
    authorisation_id UUID         NOT NULL,
    country          CHAR(3)      NOT NULL,
    notice_reference VARCHAR(100) NOT NULL,
    noticed_on       DATE         NOT NULL,
    PRIMARY KEY (authorisation_id, country)
);

CREATE TABLE end_user_certificate (
    authorisation_id      UUID         NOT NULL PRIMARY KEY,
    certificate_reference VARCHAR(100) NOT NULL,
    end_user              VARCHAR(300) NOT NULL,
    end_use               VARCHAR(500) NOT NULL,
    re_export_clause      VARCHAR(500),
    signatory             VARCHAR(300) NOT NULL,
    verified_with         VARCHAR(200),
    verified_on           DATE,
    verified_by           VARCHAR(200)
);

CREATE TABLE risk_assessment (
    authorisation_id UUID          NOT NULL PRIMARY KEY,
    overriding       VARCHAR(300),
    mitigation       VARCHAR(1000),
    assessed_on      DATE          NOT NULL,
    assessed_by      VARCHAR(200)  NOT NULL
);

CREATE TABLE consignment (
    id               UUID         NOT NULL PRIMARY KEY,
    authorisation_id UUID         NOT NULL,
    reference        VARCHAR(100) NOT NULL UNIQUE,
    shipped_on       DATE         NOT NULL,
    receipt_due      DATE         NOT NULL,
    state            VARCHAR(20)  NOT NULL,
    received_on      DATE,
    confirmed_by     VARCHAR(200),
    last_seq         BIGINT       NOT NULL
);

CREATE INDEX consignment_by_authorisation ON consignment (authorisation_id);
CREATE INDEX consignment_by_state ON consignment (state, receipt_due);

CREATE TABLE consignment_line (
    consignment_id UUID    NOT NULL,
    line_no        INTEGER NOT NULL,
    quantity       BIGINT  NOT NULL,
    received       BIGINT,
    PRIMARY KEY (consignment_id, line_no)
);

-- Export authorisations of other States that an import quotes: recorded by hand from a diplomatic note or an
-- export notification; an import authorisation quoting one not recorded here is flagged.
CREATE TABLE foreign_export_notice (
    country     CHAR(3)      NOT NULL,
    reference   VARCHAR(100) NOT NULL,
    issued_on   DATE         NOT NULL,
    description VARCHAR(500),
    last_seq    BIGINT       NOT NULL,
    PRIMARY KEY (country, reference)
);
