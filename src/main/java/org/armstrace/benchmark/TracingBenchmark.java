package org.armstrace.tracing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import org.armstrace.reference.Catalogue;
import org.armstrace.tracing.BenchmarkQueries.Kind;
import org.armstrace.tracing.BenchmarkQueries.Query;
import org.armstrace.tracing.BenchmarkRegistry.Format;
import org.armstrace.tracing.BenchmarkRegistry.Make;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * The {@code benchmark-tracing} verb: generates a registry and corrupted queries with ground truth, loads the
 * registry into a fresh candidate index and (on PostgreSQL) into a pg_trgm-indexed table, runs every query through
 * both, one thread, warm, and prints recall and latency per corruption kind. Nothing of the product's own data is
 * touched: the index lives in a scratch folder and the table in a scratch schema, both removed at the end.
 */
@Component
public class TracingBenchmark {

	private final Catalogue catalogue;

	private final DataSource dataSource;

	TracingBenchmark(Catalogue catalogue, DataSource dataSource) {
		this.catalogue = catalogue;
		this.dataSource = dataSource;
	}

	/** What one engine did on one kind of query. */
	static final class Tally {

		int queries;

		int first;

		int firstOrTied;

		int top10;

		int notExactOrProbable;

		/**
		 * The corrupted reading is itself another registered serial of the same make, or a misreading of one
		 * (equal once confusable characters are folded): no method can tell which was meant.
		 */
		int readingIsAnotherRecord;

		/** First and not tied, among the queries whose reading is not another record. */
		int firstWhereDistinguishable;

		final List<String> misses = new ArrayList<>();

		/** Ten or more records fit the pattern equally well (obliterated characters in a dense series). */
		int crowded;

		int top10WhereNotCrowded;

		final List<Long> nanos = new ArrayList<>();

		double share(int count) {
			return queries == 0 ? 0 : (double) count / queries;
		}

	}

	public int run(ApplicationArguments args) {
		int firearms = Integer.parseInt(option(args, "firearms", "1000000"));
		int perKind = Integer.parseInt(option(args, "queries", "1000"));
		long seed = Long.parseLong(option(args, "seed", "20261129"));
		boolean baseline = !args.containsOption("no-baseline");
		Path dir;
		try {
			dir = args.containsOption("dir") ? Path.of(option(args, "dir", null))
					: Files.createTempDirectory("armstrace-tracing-benchmark");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		String product;
		try (Connection c = dataSource.getConnection()) {
			product = c.getMetaData().getDatabaseProductName();
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
		if (baseline && !"PostgreSQL".equals(product)) {
			System.err.println("the pg_trgm baseline needs PostgreSQL (SPRING_DATASOURCE_URL=jdbc:postgresql://…); "
					+ "this datasource is " + product + ". Run with --no-baseline to measure the engine alone.");
			return 2;
		}
		long t0 = System.nanoTime();
		BenchmarkRegistry registry = new BenchmarkRegistry(makes(), firearms, seed);
		List<Query> queries = BenchmarkQueries.generate(registry, perKind, seed + 1);
		System.out.printf("generated %,d firearms (%d makes, %,d gap serials kept) and %,d queries in %.1f s%n",
				registry.size, registry.makes.size(), registry.gapSerials.size(), queries.size(), secs(t0));

		Map<String, List<Integer>> byReading = readings(registry);
		FirearmIndex index = new FirearmIndex(dir);
		try {
			long t1 = System.nanoTime();
			index.clear();
			for (int i = 0; i < registry.size; i++) {
				Make make = registry.makes.get(registry.make[i]);
				index.add(new FirearmIndex.Indexed(Integer.toString(i), "BM-" + i, null, registry.serial[i],
						make.name(), org.armstrace.reference.Names.makerKey(make.name()), registry.model[i],
						registry.calibre[i], registry.type[i], make.country(), (int) registry.year[i], null, List.of()));
			}
			index.commit(registry.size - 1L);
			index.forceMerge();
			System.out.printf("candidate index: %,d firearms in %.1f s%n", registry.size, secs(t1));
			Tracing tracing = new Tracing(index, null, catalogue);

			Map<Kind, Tally> engine = measureEngine(tracing, registry, queries, byReading);
			Map<Kind, Tally> trgm = baseline ? measureTrigram(registry, queries, byReading) : null;
			print(registry.size, engine, trgm);
		}
		finally {
			try {
				index.close();
			}
			catch (IOException e) {
				// scratch data: nothing to keep
			}
			if (!args.containsOption("dir")) {
				FileSystemUtils.deleteRecursively(dir.toFile());
			}
		}
		return 0;
	}

	/** Makes from the catalogue (with their aliases), each given a serial format; plain digits for several. */
	private List<Make> makes() {
		List<Catalogue.Entry> entries = catalogue.entries(Catalogue.Kind.MAKE);
		List<Make> makes = new ArrayList<>();
		Format[] formats = Format.values();
		for (int i = 0; i < Math.min(40, entries.size()); i++) {
			Catalogue.Entry e = entries.get(i);
			makes.add(new Make(e.name(), e.aliases(), formats[i % formats.length],
					e.country() == null ? "USA" : e.country()));
		}
		return makes;
	}

	/** Registered records by folded serial and make, to know when a corrupted reading is another record. */
	private static Map<String, List<Integer>> readings(BenchmarkRegistry registry) {
		Map<String, List<Integer>> byReading = new java.util.HashMap<>(registry.size * 2);
		for (int i = 0; i < registry.size; i++) {
			byReading.computeIfAbsent(SerialForms.fold(SerialForms.normalise(registry.serial[i])) + "|" + registry.make[i],
					k -> new ArrayList<>(1)).add(i);
		}
		return byReading;
	}

	private static boolean readingIsAnotherRecord(Query q, BenchmarkRegistry registry,
			Map<String, List<Integer>> byReading) {
		if (q.truth() < 0) {
			return false;
		}
		String reading = SerialForms.fold(SerialForms.normalise(q.serial()));
		if (SerialForms.hasWildcards(reading)) {
			return false;
		}
		List<Integer> same = byReading.get(reading + "|" + registry.make[q.truth()]);
		return same != null && same.stream().anyMatch(i -> i != q.truth());
	}

	private static Map<Kind, Tally> measureEngine(Tracing tracing, BenchmarkRegistry registry, List<Query> queries,
			Map<String, List<Integer>> byReading) {
		// warm-up: the JIT and the index's caches, on the same queries, unmeasured
		for (int round = 0; round < 2; round++) {
			for (Query q : queries) {
				tracing.match(observed(q), 10);
			}
		}
		Map<Kind, Tally> tallies = new EnumMap<>(Kind.class);
		for (Query q : queries) {
			long start = System.nanoTime();
			List<Candidate> found = tracing.match(observed(q), 10).candidates();
			long took = System.nanoTime() - start;
			Tally t = tallies.computeIfAbsent(q.kind(), k -> new Tally());
			t.queries++;
			t.nanos.add(took);
			String truth = Integer.toString(q.truth());
			if (q.truth() < 0) {
				if (found.isEmpty() || found.getFirst().band() == Candidate.Band.POSSIBLE) {
					t.notExactOrProbable++;
				}
				else if (t.misses.size() < 5) {
					t.misses.add(q.serial() + " " + q.make() + " -> " + found.getFirst().serial() + " "
							+ found.getFirst().make() + " " + found.getFirst().band());
				}
				continue;
			}
			boolean indistinguishable = readingIsAnotherRecord(q, registry, byReading);
			if (indistinguishable) {
				t.readingIsAnotherRecord++;
			}
			if (!found.isEmpty() && truth.equals(found.getFirst().firearmId()) && !found.getFirst().tie()) {
				t.first++;
				if (!indistinguishable) {
					t.firstWhereDistinguishable++;
				}
			}
			else if (!indistinguishable && t.misses.size() < 3) {
				t.misses.add(q.serial() + " (is " + registry.serial[q.truth()] + "; top: "
						+ (found.isEmpty() ? "none" : found.getFirst().serial() + " " + found.getFirst().band()
								+ (found.getFirst().tie() ? " tie" : "")) + ")");
			}
			if (!found.isEmpty()) {
				double top = found.getFirst().score();
				if (found.stream().anyMatch(c -> truth.equals(c.firearmId()) && Math.abs(c.score() - top) < Tracing.TIE)) {
					t.firstOrTied++;
				}
			}
			boolean inTop10 = found.stream().anyMatch(c -> truth.equals(c.firearmId()));
			if (inTop10) {
				t.top10++;
			}
			boolean crowded = found.size() == 10 && found.getLast().tie()
					&& Math.abs(found.getLast().score() - found.getFirst().score()) < Tracing.TIE;
			if (crowded) {
				t.crowded++;
			}
			else if (inTop10) {
				t.top10WhereNotCrowded++;
			}
		}
		return tallies;
	}

	private static ObservedMarkings observed(Query q) {
		return new ObservedMarkings(q.serial(), q.make(), null, q.calibre(), null, null, null, null, null);
	}

	/**
	 * The baseline a registry developer would reach for: PostgreSQL's pg_trgm over the normalised serial, a GIN
	 * trigram index, similarity ranking with the make as a bonus; '?' and '*' become LIKE's '_' and '%'.
	 */
	private Map<Kind, Tally> measureTrigram(BenchmarkRegistry registry, List<Query> queries,
			Map<String, List<Integer>> byReading) {
		String schema = "bench_trgm_" + UUID.randomUUID().toString().substring(0, 8);
		try (Connection c = dataSource.getConnection()) {
			c.setAutoCommit(true);
			try (Statement s = c.createStatement()) {
				s.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm");
				s.execute("CREATE SCHEMA " + schema);
				s.execute("CREATE UNLOGGED TABLE " + schema + ".firearm (id INT PRIMARY KEY, serial_key TEXT NOT NULL, "
						+ "make_key TEXT NOT NULL)");
			}
			long t0 = System.nanoTime();
			try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + schema + ".firearm "
					+ "SELECT * FROM unnest(?::int[], ?::text[], ?::text[])")) {
				int batch = 50_000;
				for (int from = 0; from < registry.size; from += batch) {
					int to = Math.min(registry.size, from + batch);
					Integer[] ids = new Integer[to - from];
					String[] serials = new String[to - from];
					String[] makes = new String[to - from];
					for (int i = from; i < to; i++) {
						ids[i - from] = i;
						serials[i - from] = SerialForms.normalise(registry.serial[i]);
						makes[i - from] = org.armstrace.reference.Names.makerKey(registry.makes.get(registry.make[i])
							.name());
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
			System.out.printf("pg_trgm baseline: %,d rows loaded and GIN-indexed in %.1f s%n", registry.size, secs(t0));
			String similar = "SELECT id FROM " + schema + ".firearm WHERE serial_key % ? ORDER BY similarity(serial_key, ?)"
					+ " + CASE WHEN make_key = ? THEN 0.1 ELSE 0 END DESC, id LIMIT 10";
			String like = "SELECT id FROM " + schema + ".firearm WHERE serial_key LIKE ? ORDER BY similarity(serial_key, ?)"
					+ " + CASE WHEN make_key = ? THEN 0.1 ELSE 0 END DESC, id LIMIT 10";
			try (PreparedStatement bySimilarity = c.prepareStatement(similar);
					PreparedStatement byPattern = c.prepareStatement(like)) {
				for (Query q : queries.subList(0, Math.min(queries.size(), 500))) {
					trigram(q, bySimilarity, byPattern);
				}
				Map<Kind, Tally> tallies = new EnumMap<>(Kind.class);
				for (Query q : queries) {
					long start = System.nanoTime();
					List<Integer> found = trigram(q, bySimilarity, byPattern);
					long took = System.nanoTime() - start;
					Tally t = tallies.computeIfAbsent(q.kind(), k -> new Tally());
					t.queries++;
					t.nanos.add(took);
					if (q.truth() < 0) {
						// pg_trgm has no bands: it claims a hit when the top serial is the reading itself
						boolean identical = !found.isEmpty() && SerialForms.normalise(registry.serial[found.getFirst()])
							.equals(SerialForms.normalise(q.serial()));
						if (!identical) {
							t.notExactOrProbable++;
						}
						continue;
					}
					if (readingIsAnotherRecord(q, registry, byReading)) {
						t.readingIsAnotherRecord++;
					}
					if (!found.isEmpty() && found.getFirst() == q.truth()) {
						t.first++;
						t.firstOrTied++;
					}
					if (found.contains(q.truth())) {
						t.top10++;
					}
				}
				return tallies;
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

	private static List<Integer> trigram(Query q, PreparedStatement bySimilarity, PreparedStatement byPattern)
			throws SQLException {
		String reading = SerialForms.normalise(q.serial());
		String make = org.armstrace.reference.Names.makerKey(q.make() == null ? "" : q.make());
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

	private static void print(int size, Map<Kind, Tally> engine, Map<Kind, Tally> trgm) {
		System.out.printf("%nfirearms: %,d; one thread, warm; recall@1 = the true record first and not tied; "
				+ "@1 incl. ties = first or tied for first%n", size);
		System.out.printf("%-42s %6s | %-8s %-8s %-8s %-7s %-7s %-7s %-7s | %-8s %-7s %-7s %-7s%n", "kind", "n",
				"indist.", "rec@1", "r@1dist", "@1+tie", "top10", "p50ms", "p95ms", "trgm@1", "top10", "p50ms", "p95ms");
		List<Long> allEngine = new ArrayList<>();
		List<Long> allTrgm = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			Tally e = engine.get(kind);
			if (e == null) {
				continue;
			}
			Tally t = trgm == null ? null : trgm.get(kind);
			allEngine.addAll(e.nanos);
			if (t != null) {
				allTrgm.addAll(t.nanos);
			}
			if (kind == Kind.UNREGISTERED) {
				System.out.printf("%-42s %6d | top candidate neither exact nor probable: %.3f %29s | identical serial "
						+ "not on top: %s %s %s%n", kind.label, e.queries, e.share(e.notExactOrProbable),
						ms(e.nanos, 50) + " " + ms(e.nanos, 95), t == null ? "-" : String.format("%.3f",
								t.share(t.notExactOrProbable)), t == null ? "" : ms(t.nanos, 50),
						t == null ? "" : ms(t.nanos, 95));
				continue;
			}
			System.out.printf("%-42s %6d | %-8.3f %-8.3f %-8.3f %-7.3f %-7.3f %-7s %-7s | %-8s %-7s %-7s %-7s%n",
					kind.label, e.queries, e.share(e.readingIsAnotherRecord), e.share(e.first),
					e.queries == e.readingIsAnotherRecord ? 0
							: (double) e.firstWhereDistinguishable / (e.queries - e.readingIsAnotherRecord),
					e.share(e.firstOrTied),
					e.share(e.top10), ms(e.nanos, 50), ms(e.nanos, 95),
					t == null ? "-" : String.format("%.3f", t.share(t.first)),
					t == null ? "-" : String.format("%.3f", t.share(t.top10)), t == null ? "-" : ms(t.nanos, 50),
					t == null ? "-" : ms(t.nanos, 95));
		}
		if (System.getenv("ARMSTRACE_BENCHMARK_MISSES") != null) {
			engine.forEach((kind, e) -> e.misses.forEach(m -> System.out.println("  miss " + kind + ": " + m)));
		}
		for (Kind kind : List.of(Kind.OBLITERATED_1, Kind.OBLITERATED_2)) {
			Tally e = engine.get(kind);
			if (e != null) {
				System.out.printf("%s: %d of %d queries had 10 or more records fitting equally well; top10 among the "
						+ "others %.3f%n", kind.label, e.crowded, e.queries, e.queries == e.crowded ? 0
								: (double) e.top10WhereNotCrowded / (e.queries - e.crowded));
			}
		}
		System.out.printf("all queries: engine p50 %s ms, p95 %s ms, p99 %s ms, max %s ms%s%n", ms(allEngine, 50),
				ms(allEngine, 95), ms(allEngine, 99), ms(allEngine, 100), allTrgm.isEmpty() ? ""
						: String.format("; pg_trgm p50 %s ms, p95 %s ms, p99 %s ms", ms(allTrgm, 50), ms(allTrgm, 95),
								ms(allTrgm, 99)));
		System.out.println("indist. = share of queries whose corrupted reading is itself another registered serial of "
				+ "the same make, or a misreading of one (no method can tell them apart); r@1dist = recall@1 among "
				+ "the others");
	}

	private static String ms(List<Long> nanos, int percentile) {
		if (nanos.isEmpty()) {
			return "-";
		}
		long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(sorted);
		int at = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return String.format("%.2f", sorted[Math.max(0, Math.min(sorted.length - 1, at))] / 1e6);
	}

	private static double secs(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

	private static String option(ApplicationArguments args, String name, String fallback) {
		return args.containsOption(name) && !args.getOptionValues(name).isEmpty() ? args.getOptionValues(name).getFirst()
				: fallback;
	}

}
