package org.armstrace.command;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The rows of one table, read as text by primary key: what a projection check compares.
 * Every column counts; a row is identified by its key (or, for a table without one, by
 * all of its values).
 */
final class TableRows {

	private final JdbcTemplate jdbc;

	private final String table;

	private final List<String> key;

	TableRows(JdbcTemplate jdbc, String table) {
		this.jdbc = jdbc;
		this.table = table;
		this.key = primaryKey(jdbc, table);
	}

	/** Each row's key with a digest of all its values. */
	Map<String, Digest> digests() {
		Map<String, Digest> rows = new HashMap<>();
		each((k, values) -> rows.put(k, Digest.of(values)));
		return rows;
	}

	/** Calls {@code row} with each row's key and its values by column. */
	void each(BiConsumer<String, Map<String, String>> row) {
		jdbc.query("SELECT * FROM " + table, rs -> {
			ResultSetMetaData meta = rs.getMetaData();
			Map<String, String> values = new LinkedHashMap<>();
			for (int i = 1; i <= meta.getColumnCount(); i++) {
				values.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), text(rs, i));
			}
			row.accept(keyOf(values), values);
		});
	}

	/** The rows whose keys are given, by key. */
	Map<String, Map<String, String>> rows(Set<String> keys) {
		Map<String, Map<String, String>> found = new HashMap<>();
		if (!keys.isEmpty()) {
			each((k, values) -> {
				if (keys.contains(k)) {
					found.put(k, values);
				}
			});
		}
		return found;
	}

	private String keyOf(Map<String, String> values) {
		List<String> parts = new ArrayList<>();
		for (String column : key.isEmpty() ? values.keySet() : key) {
			parts.add(column + "=" + values.get(column));
		}
		return String.join(",", parts);
	}

	private static String text(ResultSet rs, int column) throws SQLException {
		Object value = rs.getObject(column);
		if (value == null) {
			return null;
		}
		if (value instanceof byte[] bytes) {
			return Base64.getEncoder().encodeToString(bytes);
		}
		return value.toString();
	}

	private static List<String> primaryKey(JdbcTemplate jdbc, String table) {
		return jdbc.execute((ConnectionCallback<List<String>>) connection -> {
			DatabaseMetaData meta = connection.getMetaData();
			for (String name : List.of(table, table.toUpperCase(Locale.ROOT), table.toLowerCase(Locale.ROOT))) {
				Map<Integer, String> columns = new TreeMap<>();
				try (ResultSet keys = meta.getPrimaryKeys(null, null, name)) {
					while (keys.next()) {
						columns.put(keys.getInt("KEY_SEQ"), keys.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
					}
				}
				if (!columns.isEmpty()) {
					return List.copyOf(columns.values());
				}
			}
			return List.of();
		});
	}

	/** A SHA-256 of a row's values: a forged row cannot be made to look unchanged. */
	record Digest(String value) {

		static Digest of(Map<String, String> values) {
			try {
				MessageDigest sha = MessageDigest.getInstance("SHA-256");
				values.forEach((column, v) -> {
					sha.update(column.getBytes(StandardCharsets.UTF_8));
					sha.update((byte) 0);
					sha.update(v == null ? new byte[] { 1 } : ("\u0002" + v).getBytes(StandardCharsets.UTF_8));
					sha.update((byte) 0);
				});
				return new Digest(Base64.getEncoder().withoutPadding().encodeToString(sha.digest()));
			}
			catch (NoSuchAlgorithmException e) {
				throw new IllegalStateException("SHA-256 is part of every JDK", e);
			}
		}

	}

}
