package org.armstrace.ledger;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The ledger_checkpoint table: every tree head this node signed. Rows are only ever
 * inserted.
 */
@Component
class CheckpointStore {

	private final JdbcClient jdbc;

	CheckpointStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(SignedCheckpoint checkpoint) {
		jdbc.sql("INSERT INTO ledger_checkpoint (tree_size, root_hash, signed_at, note) VALUES (?, ?, ?, ?)")
			.params(checkpoint.treeSize(), checkpoint.rootHash(),
					OffsetDateTime.ofInstant(checkpoint.signedAt(), ZoneOffset.UTC), checkpoint.note())
			.update();
	}

	Optional<SignedCheckpoint> latest() {
		return jdbc.sql("SELECT * FROM ledger_checkpoint ORDER BY tree_size DESC FETCH FIRST 1 ROWS ONLY")
			.query(CheckpointStore::map)
			.optional();
	}

	Optional<SignedCheckpoint> ofSize(long treeSize) {
		return jdbc.sql("SELECT * FROM ledger_checkpoint WHERE tree_size = ?")
			.param(treeSize)
			.query(CheckpointStore::map)
			.optional();
	}

	/** Checkpoints with tree size >= {@code fromSize}, smallest first. */
	List<SignedCheckpoint> page(long fromSize, int limit) {
		return jdbc
			.sql("SELECT * FROM ledger_checkpoint WHERE tree_size >= ? ORDER BY tree_size " + "FETCH FIRST " + limit
					+ " ROWS ONLY")
			.param(fromSize)
			.query(CheckpointStore::map)
			.list();
	}

	List<SignedCheckpoint> all() {
		return jdbc.sql("SELECT * FROM ledger_checkpoint ORDER BY tree_size").query(CheckpointStore::map).list();
	}

	private static SignedCheckpoint map(ResultSet rs, int row) throws SQLException {
		return new SignedCheckpoint(rs.getLong("tree_size"), rs.getBytes("root_hash"),
				rs.getObject("signed_at", OffsetDateTime.class).toInstant(), rs.getString("note"));
	}

}
