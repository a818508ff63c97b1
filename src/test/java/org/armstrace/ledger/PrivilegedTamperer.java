package org.armstrace.ledger;

import java.util.function.Consumer;

import org.armstrace.TestDatabase;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an attacker with database administrator rights can do: lift the append-only guard,
 * change rows, and put the guard back. Only the hashes and signatures can then tell.
 */
public final class PrivilegedTamperer {

	private static final String[] TABLES = { "ledger_entry", "ledger_node", "ledger_checkpoint" };

	private final JdbcClient jdbc;

	public PrivilegedTamperer(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void run(String... statements) {
		run(db -> {
			for (String sql : statements) {
				db.sql(sql).update();
			}
		});
	}

	public void run(Consumer<JdbcClient> changes) {
		liftGuards();
		try {
			changes.accept(jdbc);
		}
		finally {
			restoreGuards();
		}
	}

	private void liftGuards() {
		for (String table : TABLES) {
			if (TestDatabase.postgresql()) {
				jdbc.sql("ALTER TABLE " + table + " DISABLE TRIGGER USER").update();
			}
			else {
				jdbc.sql("DROP TRIGGER " + table + "_append_only").update();
			}
		}
	}

	private void restoreGuards() {
		for (String table : TABLES) {
			if (TestDatabase.postgresql()) {
				jdbc.sql("ALTER TABLE " + table + " ENABLE TRIGGER USER").update();
			}
			else {
				jdbc.sql("CREATE TRIGGER " + table + "_append_only BEFORE UPDATE, DELETE ON " + table
						+ " FOR EACH ROW CALL '" + AppendOnlyGuard.class.getName() + "'")
					.update();
			}
		}
	}

}
