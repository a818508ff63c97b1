-- A legacy register's reference names one firearm: it is how a re-run import knows what it already took over.
CREATE UNIQUE INDEX firearm_legacy_reference ON firearm (legacy_reference);
CREATE INDEX holder_licence_reference ON holder (licence_reference);
