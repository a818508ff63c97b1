-- H2: triggers are Java classes; AppendOnlyGuard refuses every UPDATE and DELETE.
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE, DELETE ON ledger_entry
    FOR EACH ROW CALL 'org.armstrace.ledger.AppendOnlyGuard';
CREATE TRIGGER ledger_node_append_only BEFORE UPDATE, DELETE ON ledger_node
    FOR EACH ROW CALL 'org.armstrace.ledger.AppendOnlyGuard';
CREATE TRIGGER ledger_checkpoint_append_only BEFORE UPDATE, DELETE ON ledger_checkpoint
    FOR EACH ROW CALL 'org.armstrace.ledger.AppendOnlyGuard';
