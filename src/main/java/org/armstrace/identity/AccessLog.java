package org.armstrace.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The access log: who read, searched or exported what, when, why and with how many
 * results, and every refused access. Rows are hash-chained
 * ({@code hash = SHA-256(previous hash || row)}) and append-only in the database;
 * {@link #verify()} recomputes the chain. Entries are written in their own transaction,
 * so a consultation is logged even when what it read is rolled back.
 */
@Service
public class AccessLog {

	public enum Action {

		READ, SEARCH, EXPORT, REFUSED,
		/**
		 * A bulk export of personal data asked for; it waits for another person's
		 * approval.
		 */
		EXPORT_REQUESTED,
		/** Another person approved a requested export. */
		EXPORT_APPROVED

	}

	public record Entry(long seq, Instant at, String username, Action action, String target, String terms,
			String purpose, Integer resultCount) {
	}

	/**
	 * @param firstBrokenSeq the first row whose hash does not follow from the chain, or
	 * null
	 */
	public record ChainReport(boolean intact, long rows, Long firstBrokenSeq) {
	}

	/** The header in which API callers state why they consult a record. */
	public static final String PURPOSE_HEADER = "X-Access-Purpose";

	private final JdbcClient jdbc;

	AccessLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(propagation = Propagation.REQUIRES_NEW)
	public void record(Principal who, Action action, String target, String terms, String purpose, Integer resultCount) {
		String username = username(who);
		// one row holds the chain's head; locking it orders the entries of every instance
		Head head = jdbc.sql("SELECT last_seq, last_hash FROM access_log_head WHERE id = 1 FOR UPDATE")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getBytes(2)))
			.single();
		byte[] previous = head.hash() == null ? new byte[32] : head.hash();
		long seq = head.seq() + 1;
		Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
		Entry entry = new Entry(seq, at, username, action, clip(target, 300), clip(terms, 1000), clip(purpose, 500),
				resultCount);
		byte[] hash = chain(previous, entry);
		// the row and the new head in one statement: one trip to the database, not two
		jdbc.sql("INSERT INTO access_log (seq, at, username, action, target, terms, purpose, result_count, hash) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?); UPDATE access_log_head SET last_seq = ?, last_hash = ? WHERE id = 1")
			.params(seq, OffsetDateTime.ofInstant(at, ZoneOffset.UTC), username, action.name(), entry.target(),
					entry.terms(), entry.purpose(), resultCount, hash, seq, hash)
			.update();
	}

	/** Entries, newest first, optionally of one user and/or one action. */
	@Transactional(readOnly = true)
	public List<Entry> search(String username, Action action, int limit) {
		StringBuilder sql = new StringBuilder("SELECT * FROM access_log WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (username != null && !username.isBlank()) {
			sql.append(" AND username = ?");
			params.add(username);
		}
		if (action != null) {
			sql.append(" AND action = ?");
			params.add(action.name());
		}
		sql.append(" ORDER BY seq DESC FETCH FIRST ").append(Math.max(1, Math.min(limit, 1000))).append(" ROWS ONLY");
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Entry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
					rs.getString("username"), Action.valueOf(rs.getString("action")), rs.getString("target"),
					rs.getString("terms"), rs.getString("purpose"), (Integer) rs.getObject("result_count")))
			.list();
	}

	/** Recomputes the whole chain from the stored rows. */
	@Transactional(readOnly = true)
	public ChainReport verify() {
		byte[][] previous = { new byte[32] };
		long[] rows = { 0 };
		Long[] broken = { null };
		jdbc.sql("SELECT * FROM access_log ORDER BY seq").query(rs -> {
			Entry entry = new Entry(rs.getLong("seq"), rs.getObject("at", OffsetDateTime.class).toInstant(),
					rs.getString("username"), Action.valueOf(rs.getString("action")), rs.getString("target"),
					rs.getString("terms"), rs.getString("purpose"), (Integer) rs.getObject("result_count"));
			byte[] expected = chain(previous[0], entry);
			if (broken[0] == null
					&& (entry.seq() != rows[0] || !MessageDigest.isEqual(expected, rs.getBytes("hash")))) {
				broken[0] = entry.seq();
			}
			previous[0] = rs.getBytes("hash");
			rows[0]++;
		});
		return new ChainReport(broken[0] == null, rows[0], broken[0]);
	}

	private static byte[] chain(byte[] previous, Entry e) {
		String row = String.join("\u001f", Long.toString(e.seq()), e.at().toString(), e.username(), e.action().name(),
				e.target(), Objects.toString(e.terms(), ""), Objects.toString(e.purpose(), ""),
				Objects.toString(e.resultCount(), ""));
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(previous);
			return sha256.digest(row.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e2) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e2);
		}
	}

	private String username(Principal who) {
		if (who == null) {
			return "anonymous";
		}
		Object principal = who instanceof Authentication authentication ? authentication.getPrincipal() : who;
		if (principal instanceof ApiTokens.TokenHolder holder) {
			return holder.username();
		}
		return who.getName();
	}

	private record Head(long seq, byte[] hash) {
	}

	private static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

}
