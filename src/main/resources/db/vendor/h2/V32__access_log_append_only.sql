CREATE TRIGGER access_log_append_only BEFORE UPDATE, DELETE ON access_log
    FOR EACH ROW CALL 'org.armstrace.ledger.AppendOnlyGuard';
