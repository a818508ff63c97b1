package org.armstrace.benchmark;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

import org.armstrace.benchmark.BenchmarkQueries.Kind;
import org.armstrace.benchmark.BenchmarkQueries.Query;
import org.armstrace.reference.Names;
import org.armstrace.tracing.SerialForms;

/**
 * The baseline a registry developer would reach for: PostgreSQL's pg_trgm over the
 * normalised serial, a GIN trigram index, similarity ranking with the make as a bonus;
 * '?' and '*' become LIKE's '_' and '%'. Its table lives in a scratch schema, dropped at
 * the end.
 */
final class TrigramBaseline {

	private static final int LOAD_BATCH = 50_000;

	private static final int WARM_UP = 500;

	private final DataSource dataSource;

	TrigramBaseline(DataSource dataSource) {
		this.dataSource = dataSource;
	}

	/**
	 * Loads and indexes the registry, then runs every query, one thread, warm;
	 * {@code progress} hears the load.
	 */
	Map<Kind, Tally> measure(BenchmarkRegistry registry, List<Query> queries, Readings readings,
			Consumer<String> progress) {
		String schema = "bench_trgm_" + UUID.randomUUID().toString().substring(0, 8);
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(true);
			try (Statement s = c.createStatement()) {
				s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
				s.execute("CREATE SCHEMA " + schema);
				s.execute("CREATE UNLOGGED TABLE " + schema + ".firearm (id INT PRIMARY KEY, serial_key TEXT NOT NULL, "
						+ "make_key TEXT NOT NULL)");
			}
			try {
				long t0 = System.nanoTime();
				load(c, schema, registry);
				progress.accept(String.format("pg_trgm baseline: %,d rows loaded and GIN-indexed in %.1f s",
						registry.size, (System.nanoTime() - t0) / 1e9));
				return run(c, schema, registry, queries, readings);
			}
			finally {
				try (Statement s = c.createStatement()) {
					s.execute("DROP SCHEMA " + schema + " CASCADE");
				}
			}
		}
		catch (SQLException e) {
			throw new IllegalStateException("the pg_trgm baseline failed: " + e.getMessage(), e);
		}
	}

	/**
	 * The registry's normalised serials and make keys, in batches of arrays, then the GIN
	 * index.
	 */
	private static void load(Connection c, String schema, BenchmarkRegistry registry) throws SQLException {
		try (PreparedStatement insert = c.prepareStatement(
				"INSERT INTO " + schema + ".firearm " + "SELECT * FROM unnest(?::int[], ?::text[], ?::text[])")) {
			for (int from = 0; from < registry.size; from += LOAD_BATCH) {
				int to = Math.min(registry.size, from + LOAD_BATCH);
				Integer[] ids = new Integer[to - from];
				String[] serials = new String[to - from];
				String[] makes = new String[to - from];
				for (int i = from; i < to; i++) {
					ids[i - from] = i;
					serials[i - from] = SerialForms.normalise(registry.serial[i]);
					makes[i - from] = Names.makerKey(registry.makes.get(registry.make[i]).name());
				}
				Array a = c.createArrayOf("int4", ids);
				Array b = c.createArrayOf("text", serials);
				Array m = c.createArrayOf("text", makes);
				insert.setArray(1, a);
				insert.setArray(2, b);
				insert.setArray(3, m);
				insert.executeUpdate();
			}
		}
		try (Statement s = c.createStatement()) {
			s.execute("CREATE INDEX ON " + schema + ".firearm USING gin (serial_key gin_trgm_ops)");
			s.execute("ANALYZE " + schema + ".firearm");
		}
	}

	private static Map<Kind, Tally> run(Connection c, String schema, BenchmarkRegistry registry, List<Query> queries,
			Readings readings) throws SQLException {
		String similar = "SELECT id FROM " + schema + ".firearm WHERE serial_key % ? ORDER BY similarity(serial_key, ?)"
				+ " + CASE WHEN make_key = ? THEN 0.1 ELSE 0 END DESC, id LIMIT 10";
		String like = "SELECT id FROM " + schema + ".firearm WHERE serial_key LIKE ? ORDER BY similarity(serial_key, ?)"
				+ " + CASE WHEN make_key = ? THEN 0.1 ELSE 0 END DESC, id LIMIT 10";
		try (PreparedStatement bySimilarity = c.prepareStatement(similar);
				PreparedStatement byPattern = c.prepareStatement(like)) {
			for (Query q : queries.subList(0, Math.min(queries.size(), WARM_UP))) {
				trigram(q, bySimilarity, byPattern);
			}
			Map<Kind, Tally> tallies = new EnumMap<>(Kind.class);
			for (Query q : queries) {
				long start = System.nanoTime();
				List<Integer> found = trigram(q, bySimilarity, byPattern);
				long took = System.nanoTime() - start;
				Tally t = tallies.computeIfAbsent(q.kind(), k -> new Tally());
				t.answered(took);
				if (q.truth() < 0) {
					// pg_trgm has no bands: it claims a hit when the top serial is the
					// reading itself
					boolean identical = !found.isEmpty() && SerialForms.normalise(registry.serial[found.getFirst()])
						.equals(SerialForms.normalise(q.serial()));
					if (!identical) {
						t.notExactOrProbable++;
					}
					continue;
				}
				t.trigramOnRegistered(q, found, readings.isAnotherRecord(q));
			}
			return tallies;
		}
	}

	private static List<Integer> trigram(Query q, PreparedStatement bySimilarity, PreparedStatement byPattern)
			throws SQLException {
		String reading = SerialForms.normalise(q.serial());
		String make = Names.makerKey(q.make() == null ? "" : q.make());
		boolean pattern = SerialForms.hasWildcards(reading);
		PreparedStatement s = pattern ? byPattern : bySimilarity;
		s.setString(1, pattern ? reading.replace('?', '_').replace('*', '%') : reading);
		s.setString(2, reading.replace("?", "").replace("*", ""));
		s.setString(3, make);
		List<Integer> ids = new ArrayList<>();
		try (ResultSet rs = s.executeQuery()) {
			while (rs.next()) {
				ids.add(rs.getInt(1));
			}
		}
		return ids;
	}

}
