-- A dealer's account is bound to its dealer holder: through the API and the pages it sees and acts on that
-- holder's stock only (docs/licensing.md, dealer scope).
ALTER TABLE app_user ADD COLUMN holder_id UUID;
