-- Bearer tokens for machines. Only a SHA-256 of the token is kept: the token itself is shown once.
CREATE TABLE api_token (
    id         UUID                     NOT NULL PRIMARY KEY,
    label      VARCHAR(200)             NOT NULL,
    token_hash VARCHAR(64)              NOT NULL UNIQUE,
    created_at TIMESTAMP WITH TIME ZONE NOT NULL,
    revoked_at TIMESTAMP WITH TIME ZONE
);
