-- The analytics module's counts of seizures, kept month by month (docs/analytics.md#speed): the counts of each month,
-- region, agency and country of seizure in each group of each dimension, as SeizureStatistics.counts gives them, and
-- the established SDG 16.4.2 firearms (dimension TRACEABILITY, group ESTABLISHED); and the same summed over every
-- region and agency (all_places, region and agency empty), which a period without those filters reads.
CREATE TABLE analysis_month (
    seized_month DATE         NOT NULL,
    all_places   BOOLEAN      NOT NULL,
    region     VARCHAR(100) NOT NULL,
    agency     VARCHAR(200) NOT NULL,
    country    CHAR(3)      NOT NULL,
    dimension  VARCHAR(30)  NOT NULL,
    grp        VARCHAR(200) NOT NULL,
    seizures   BIGINT       NOT NULL,
    firearms   BIGINT       NOT NULL,
    parts      BIGINT       NOT NULL,
    ammunition BIGINT       NOT NULL
);

CREATE INDEX analysis_month_month ON analysis_month (all_places, seized_month);

-- A month's kept counts are current while counted = changes: every ledger write that changes the month's counts
-- adds one to changes in its own transaction; a count records the changes it saw when it began.
CREATE TABLE analysis_month_state (
    seized_month DATE NOT NULL PRIMARY KEY,
    changes BIGINT NOT NULL,
    counted BIGINT
);

-- months of the items a trace request traced, when its answer changes them
CREATE INDEX seized_item_trace_request ON seized_item (trace_request_id);
