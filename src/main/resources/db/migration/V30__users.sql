-- People who sign in. Passwords are kept as bcrypt hashes; roles as a comma-separated list of role names.
CREATE TABLE app_user (
    id                   UUID                     NOT NULL PRIMARY KEY,
    username             VARCHAR(100)             NOT NULL UNIQUE,
    password_hash        VARCHAR(200)             NOT NULL,
    roles                VARCHAR(300)             NOT NULL,
    must_change_password BOOLEAN                  NOT NULL,
    failed_attempts      INT                      NOT NULL,
    locked_until         TIMESTAMP WITH TIME ZONE,
    disabled             BOOLEAN                  NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL
);

-- API tokens belong to a user and act with that user's roles.
ALTER TABLE api_token ADD COLUMN user_id UUID;
