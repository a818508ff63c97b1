package org.armstrace.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

import org.armstrace.benchmark.BenchmarkQueries.Kind;
import org.armstrace.benchmark.BenchmarkQueries.Query;
import org.armstrace.benchmark.BenchmarkRegistry.Format;
import org.armstrace.benchmark.BenchmarkRegistry.Make;
import org.armstrace.command.Bounds;
import org.armstrace.reference.Catalogue;
import org.armstrace.tracing.Candidate;
import org.armstrace.tracing.ObservedMarkings;
import org.armstrace.tracing.ScratchMatching;
import org.springframework.stereotype.Component;
import org.springframework.util.FileSystemUtils;

/**
 * Measures the matching engine: generates a registry and corrupted queries with ground
 * truth, loads the registry into a fresh candidate index and (on PostgreSQL) into a
 * pg_trgm-indexed table, runs every query through both, one thread, warm, and reports
 * recall and latency per corruption kind. Nothing of the product's own data is touched:
 * the index lives in a scratch folder and the table in a scratch schema, both removed at
 * the end.
 */
@Component
public class TracingBenchmark {

	/**
	 * What to measure.
	 *
	 * @param folder where the index is kept, or null for a temporary folder removed at
	 * the end
	 * @param baseline whether to measure pg_trgm too (needs PostgreSQL)
	 */
	public record Settings(int firearms, int queriesPerKind, long seed, Path folder, boolean baseline) {
	}

	private final Catalogue catalogue;

	private final Bounds bounds;

	private final DataSource dataSource;

	TracingBenchmark(Catalogue catalogue, DataSource dataSource, Bounds bounds) {
		this.catalogue = catalogue;
		this.bounds = bounds;
		this.dataSource = dataSource;
	}

	/**
	 * The database's product name, e.g. {@code PostgreSQL}: the pg_trgm baseline needs
	 * PostgreSQL.
	 */
	public String databaseProduct() {
		try (Connection c = dataSource.getConnection()) {
			return c.getMetaData().getDatabaseProductName();
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Generates the data and measures; {@code progress} hears what each stage did and how
	 * long it took.
	 */
	public TracingBenchmarkReport run(Settings settings, Consumer<String> progress) {
		Path dir = settings.folder() != null ? settings.folder() : temporaryFolder();
		long t0 = System.nanoTime();
		BenchmarkRegistry registry = new BenchmarkRegistry(makes(), settings.firearms(), settings.seed());
		List<Query> queries = BenchmarkQueries.generate(registry, settings.queriesPerKind(), settings.seed() + 1);
		progress
			.accept(String.format("generated %,d firearms (%d makes, %,d gap serials kept) and %,d queries in %.1f s",
					registry.size, registry.makes.size(), registry.gapSerials.size(), queries.size(), secs(t0)));
		Readings readings = new Readings(registry);
		ScratchMatching engine = new ScratchMatching(dir, catalogue, bounds);
		try {
			load(engine, registry, progress);
			Map<Kind, Tally> measured = measureEngine(engine, queries, registry, readings);
			Map<Kind, Tally> trgm = settings.baseline()
					? new TrigramBaseline(dataSource).measure(registry, queries, readings, progress) : null;
			return new TracingBenchmarkReport(registry.size, measured, trgm);
		}
		finally {
			try {
				engine.close();
			}
			catch (IOException e) {
				// scratch data: nothing to keep
			}
			if (settings.folder() == null) {
				FileSystemUtils.deleteRecursively(dir.toFile());
			}
		}
	}

	private static Path temporaryFolder() {
		try {
			return Files.createTempDirectory("armstrace-tracing-benchmark");
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * Makes from the catalogue (with their aliases), each given a serial format; plain
	 * digits for several.
	 */
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

	private static void load(ScratchMatching engine, BenchmarkRegistry registry, Consumer<String> progress) {
		long t1 = System.nanoTime();
		for (int i = 0; i < registry.size; i++) {
			Make make = registry.makes.get(registry.make[i]);
			engine.add(Integer.toString(i), "BM-" + i, registry.serial[i], make.name(), registry.model[i],
					registry.calibre[i], registry.type[i], make.country(), registry.year[i]);
		}
		engine.commit();
		progress.accept(String.format("candidate index: %,d firearms in %.1f s", registry.size, secs(t1)));
	}

	private static Map<Kind, Tally> measureEngine(ScratchMatching engine, List<Query> queries,
			BenchmarkRegistry registry, Readings readings) {
		// warm-up: the JIT and the index's caches, on the same queries, unmeasured
		for (int round = 0; round < 2; round++) {
			for (Query q : queries) {
				engine.match(observed(q), 10);
			}
		}
		Map<Kind, Tally> tallies = new EnumMap<>(Kind.class);
		for (Query q : queries) {
			long start = System.nanoTime();
			List<Candidate> found = engine.match(observed(q), 10).candidates();
			long took = System.nanoTime() - start;
			Tally t = tallies.computeIfAbsent(q.kind(), k -> new Tally());
			t.answered(took);
			if (q.truth() < 0) {
				t.engineOnUnregistered(q, found);
			}
			else {
				t.engineOnRegistered(q, found, readings.isAnotherRecord(q), registry.serial[q.truth()]);
			}
		}
		return tallies;
	}

	private static ObservedMarkings observed(Query q) {
		return new ObservedMarkings(q.serial(), q.make(), q.model(), q.calibre(), q.type(), null, null, q.yearFrom(),
				q.yearTo());
	}

	private static double secs(long since) {
		return (System.nanoTime() - since) / 1e9;
	}

}
