-- The demo's fill of an empty node, so that a fill interrupted (a killed process) is resumed at the next start
-- with the same size, seed and country instead of leaving a half-filled registry behind.
CREATE TABLE demo_fill (
    id            INTEGER     NOT NULL PRIMARY KEY,
    firearms      INTEGER     NOT NULL,
    seed          BIGINT      NOT NULL,
    country       VARCHAR(3)  NOT NULL,
    registry_done BOOLEAN     NOT NULL,
    finished      BOOLEAN     NOT NULL
);
