-- The code printed on a licence: anyone holding the document checks it at /api/v1/licence-verifications/{code}.
-- Derived from the licence's id (never printed elsewhere), so it cannot be guessed from its number.
ALTER TABLE licence ADD COLUMN verification_code VARCHAR(20);
CREATE UNIQUE INDEX licence_verification_code ON licence (verification_code);
