package org.armstrace.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

import org.armstrace.ledger.merkle.NodeSource;
import org.springframework.dao.CannotAcquireLockException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;

/** The ledger_entry and ledger_node tables. Rows are only ever inserted. */
@Component
class EntryStore {

	/**
	 * Rows per multi-row INSERT: large enough to amortise round trips, small enough for
	 * any driver.
	 */
	private static final int ROWS_PER_INSERT = 200;

	private final JdbcClient jdbc;

	private final JdbcTemplate streaming;

	/**
	 * The statement that bounds this transaction's wait for the ledger's lock, in the
	 * database's dialect.
	 */
	private final String boundedWait;

	EntryStore(JdbcClient jdbc, JdbcTemplate template, LedgerProperties properties) {
		this.jdbc = jdbc;
		long millis = properties.appendWait().toMillis();
		this.boundedWait = isPostgreSql(template) ? "SET LOCAL lock_timeout = '" + millis + "ms'"
				: "SET LOCK_TIMEOUT " + millis;
		this.streaming = new JdbcTemplate(template.getDataSource());
		this.streaming.setFetchSize(5_000);
	}

	record NodeRow(long leafSeq, int level, byte[] hash) {
	}

	/**
	 * Blocks until no other transaction is appending; held until this transaction ends.
	 */
	void lockSequencer() {
		// a writer queues behind the one appending, for as long as
		// armstrace.ledger.append-wait allows
		jdbc.sql(boundedWait).update();
		try {
			jdbc.sql("SELECT id FROM ledger_sequencer WHERE id = 1 FOR UPDATE").query(Integer.class).single();
		}
		catch (PessimisticLockingFailureException | QueryTimeoutException busy) {
			throw busy;
		}
		catch (DataAccessException e) {
			// PostgreSQL's lock_not_available (55P03) reaches us uncategorised: the wait
			// is
			// over either way
			throw new CannotAcquireLockException("the ledger is busy", e);
		}
	}

	private static boolean isPostgreSql(JdbcTemplate template) {
		try (Connection connection = template.getDataSource().getConnection()) {
			return connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (SQLException e) {
			throw new IllegalStateException("cannot read which database this is", e);
		}
	}

	/** Number of committed entries (entries are numbered 0..size-1 without gaps). */
	long size() {
		return jdbc.sql("SELECT COALESCE(MAX(seq) + 1, 0) FROM ledger_entry").query(Long.class).single();
	}

	void insert(List<LedgerEntry> entries, List<NodeRow> nodes) {
		insertRows("INSERT INTO ledger_entry (seq, event_id, type, schema_version, recorded_at, actor, subject_id, "
				+ "entry, leaf_hash) VALUES ", "(?, ?, ?, ?, ?, ?, ?, ?, ?)", entries, (e, params) -> {
					params.add(e.seq());
					params.add(e.eventId());
					params.add(e.type());
					params.add(e.schemaVersion());
					params.add(OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC));
					params.add(e.actor());
					params.add(e.subjectId());
					params.add(e.canonicalJson());
					params.add(e.leafHash());
				});
		insertRows("INSERT INTO ledger_node (leaf_seq, level, hash) VALUES ", "(?, ?, ?)", nodes, (n, params) -> {
			params.add(n.leafSeq());
			params.add(n.level());
			params.add(n.hash());
		});
	}

	private <T> void insertRows(String insert, String rowPlaceholders, List<T> rows, BiConsumer<T, List<Object>> bind) {
		for (int from = 0; from < rows.size(); from += ROWS_PER_INSERT) {
			List<T> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_INSERT));
			StringBuilder sql = new StringBuilder(insert);
			List<Object> params = new ArrayList<>(chunk.size() * 9);
			for (int i = 0; i < chunk.size(); i++) {
				sql.append(i == 0 ? "" : ", ").append(rowPlaceholders);
				bind.accept(chunk.get(i), params);
			}
			jdbc.sql(sql.toString()).params(params).update();
		}
	}

	long countByActor(String actor) {
		return jdbc.sql("SELECT COUNT(*) FROM ledger_entry WHERE actor = ?").param(actor).query(Long.class).single();
	}

	Optional<LedgerEntry> entry(long seq) {
		return jdbc.sql("SELECT * FROM ledger_entry WHERE seq = ?").param(seq).query(EntryStore::map).optional();
	}

	List<LedgerEntry> entriesAbout(String subjectId) {
		return jdbc.sql("SELECT * FROM ledger_entry WHERE subject_id = ? ORDER BY seq")
			.param(subjectId)
			.query(EntryStore::map)
			.list();
	}

	List<LedgerEntry> entriesFrom(long fromSeq, int limit) {
		return jdbc.sql("SELECT * FROM ledger_entry WHERE seq >= ? ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY")
			.param(fromSeq)
			.query(EntryStore::map)
			.list();
	}

	/**
	 * An entry as its hashed bytes say it: the columns beside them serve to find it, but
	 * what readers are shown (its time, actor, type) comes from what was hashed, so that
	 * an altered column cannot be shown as verified. Bytes that are not an entry (verify
	 * names them) are read through the columns.
	 */
	private static LedgerEntry map(ResultSet rs, int row) throws SQLException {
		byte[] bytes = rs.getBytes("entry");
		byte[] leafHash = rs.getBytes("leaf_hash");
		try {
			JsonNode hashed = EntryCodec.LEDGER_JSON.readTree(bytes);
			String subject = hashed.path("subjectId").asString(null);
			return new LedgerEntry(hashed.get("seq").asLong(), UUID.fromString(hashed.get("eventId").asString()),
					hashed.get("type").asString(), hashed.get("schemaVersion").asInt(),
					Instant.parse(hashed.get("recordedAt").asString()), hashed.get("actor").asString(), subject, bytes,
					leafHash);
		}
		catch (RuntimeException unreadable) {
			return new LedgerEntry(rs.getLong("seq"), rs.getObject("event_id", UUID.class), rs.getString("type"),
					rs.getInt("schema_version"), rs.getObject("recorded_at", OffsetDateTime.class).toInstant(),
					rs.getString("actor"), rs.getString("subject_id"), bytes, leafHash);
		}
	}

	/**
	 * Perfect-subtree hashes: leaves from ledger_entry, interior nodes from ledger_node.
	 */
	NodeSource nodeSource() {
		return (level, index) -> {
			if (level == 0) {
				return jdbc.sql("SELECT leaf_hash FROM ledger_entry WHERE seq = ?")
					.param(index)
					.query(byte[].class)
					.optional()
					.orElseThrow(() -> new IllegalStateException("ledger entry " + index + " is missing"));
			}
			long leafSeq = ((index + 1) << level) - 1;
			return jdbc.sql("SELECT hash FROM ledger_node WHERE leaf_seq = ? AND level = ?")
				.param(leafSeq)
				.param(level)
				.query(byte[].class)
				.optional()
				.orElseThrow(() -> new IllegalStateException(
						"ledger node at level " + level + ", index " + index + " is missing"));
		};
	}

	static long lastLeafOf(int level, long index) {
		return ((index + 1) << level) - 1;
	}

	/**
	 * Streams every entry with the interior nodes completed by it, in order of seq then
	 * level; a row per node, or one row with a null level for an entry that completes
	 * none.
	 */
	void streamEntriesWithNodes(RowCallbackHandler handler) {
		streaming.query("SELECT e.seq, e.event_id, e.type, e.schema_version, e.recorded_at, e.actor, e.subject_id, "
				+ "e.entry, e.leaf_hash, n.level, n.hash AS node_hash FROM ledger_entry e "
				+ "LEFT JOIN ledger_node n ON n.leaf_seq = e.seq ORDER BY e.seq, n.level", handler);
	}

	/**
	 * Nodes whose last leaf is not (or no longer) in ledger_entry: left behind when
	 * entries were removed.
	 */
	long orphanNodeCount(long size) {
		return jdbc.sql("SELECT COUNT(*) FROM ledger_node WHERE leaf_seq >= ?").param(size).query(Long.class).single();
	}

}
