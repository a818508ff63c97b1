package org.armstrace.ledger;

import java.sql.Connection;
import java.sql.SQLException;

import org.h2.api.Trigger;

/**
 * H2 trigger on the ledger tables (migration V2 for H2): refuses every UPDATE and DELETE,
 * so that the database itself, not only this application, keeps the ledger append-only.
 * PostgreSQL has a PL/pgSQL twin.
 */
public class AppendOnlyGuard implements Trigger {

	private String table = "ledger";

	@Override
	public void init(Connection conn, String schemaName, String triggerName, String tableName, boolean before,
			int type) {
		this.table = tableName;
	}

	@Override
	public void fire(Connection conn, Object[] oldRow, Object[] newRow) throws SQLException {
		String operation = newRow == null ? "DELETE" : "UPDATE";
		throw new SQLException("ledger table " + table + " is append-only: " + operation + " refused", "42501");
	}

}
