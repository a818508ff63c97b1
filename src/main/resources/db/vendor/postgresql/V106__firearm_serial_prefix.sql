-- Finding firearms by the start of their serial (serial_key LIKE 'AB12%') on PostgreSQL: the marking index serves
-- such a prefix only when the database collates as "C"; a database created with another collation (C.UTF-8,
-- en_US.UTF-8 ...) read the whole table: 2.5-3 s at 1,000,000 firearms (docs/benchmarks.md, the load test). An
-- index with the pattern operator class serves the prefix under any collation. H2 needs none.
CREATE INDEX IF NOT EXISTS firearm_serial_prefix ON firearm (serial_key varchar_pattern_ops);
CREATE INDEX IF NOT EXISTS part_serial_prefix ON part (serial_key varchar_pattern_ops);
