-- A one-time password is good for one sign-in: when it was used (NULL while unused or once a password of one's
-- own is chosen).
ALTER TABLE app_user ADD COLUMN one_time_used_at TIMESTAMP WITH TIME ZONE;

-- The second factor (TOTP, RFC 6238): the secret encrypted with the node's key (AES-GCM, base64), NULL until
-- enrolled; the last time step whose code was accepted, so that a code is never accepted twice.
ALTER TABLE app_user ADD COLUMN totp_secret VARCHAR(300);
ALTER TABLE app_user ADD COLUMN totp_last_step BIGINT;
