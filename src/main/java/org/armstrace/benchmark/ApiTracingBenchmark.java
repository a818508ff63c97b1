package org.armstrace.benchmark;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;

import org.armstrace.benchmark.BenchmarkQueries.Kind;
import org.armstrace.csv.CsvReader;
import org.armstrace.tracing.SerialForms;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tracing benchmark through the REST API ({@code benchmark-trace-api},
 * docs/benchmarks.md), against a running instance whose registry came in through the
 * legacy import: the imported file is the ground truth. Corrupted readings of its records
 * (the corruptions of {@code benchmark-tracing}), with the make as the officer writes it,
 * go to {@code POST /api/v1/trace/search} one at a time over one connection; it reports
 * recall by kind of damage, on all queries and on the answerable ones (whose reading is
 * not itself another record of the make), and the latency the client saw.
 */
@Service
public class ApiTracingBenchmark {

	public record Settings(URI base, String token, Path csv, int perKind, int warmUp, long seed) {
	}

	private static final List<Kind> KINDS = List.of(Kind.CONFUSION_1, Kind.TRANSPOSITION_1, Kind.MISSING_LEADING_1,
			Kind.CONFUSION_2, Kind.TRANSPOSITION_2, Kind.MISSING_LEADING_2, Kind.OBLITERATED_1);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The imported file's records: legacy reference, make and serial, by row. */
	private record Registry(String[] reference, String[] make, String[] serial, Map<String, Integer> byReading) {

		/** Another record of the same make reads the same once folded. */
		boolean isAnotherRecord(String reading, int truth) {
			if (SerialForms.hasWildcards(reading)) {
				return false;
			}
			Integer other = byReading.get(Readings.key(reading, make[truth]));
			return other != null && other != truth;
		}

	}

	/** One kind's tally. */
	private static final class Tally {

		int queries;

		int answerable;

		int first;

		int firstAnswerable;

		int topTen;

		int probable;

		final List<Long> nanos = new ArrayList<>();

	}

	public List<String> run(Settings settings, Consumer<String> progress) throws IOException, InterruptedException {
		Registry registry = read(settings.csv());
		progress
			.accept(String.format(Locale.ROOT, "%,d records read from %s", registry.serial().length, settings.csv()));
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		SplittableRandom random = new SplittableRandom(settings.seed());
		for (int i = 0; i < settings.warmUp(); i++) {
			int truth = random.nextInt(registry.serial().length);
			search(http, settings, BenchmarkQueries.corrupt(Kind.CONFUSION_1, registry.serial()[truth], random),
					registry.make()[truth]);
		}
		progress.accept("warmed up with " + settings.warmUp() + " queries");
		Map<Kind, Tally> tallies = new EnumMap<>(Kind.class);
		List<Long> all = new ArrayList<>();
		for (Kind kind : KINDS) {
			Tally tally = tallies.computeIfAbsent(kind, k -> new Tally());
			while (tally.queries < settings.perKind()) {
				int truth = random.nextInt(registry.serial().length);
				String reading = BenchmarkQueries.corrupt(kind, registry.serial()[truth], random);
				if (reading == null || reading.isEmpty()) {
					continue;
				}
				long started = System.nanoTime();
				JsonNode candidates = search(http, settings, reading, registry.make()[truth]).path("candidates");
				long took = System.nanoTime() - started;
				tally.nanos.add(took);
				all.add(took);
				tally.queries++;
				boolean answerable = !registry.isAnotherRecord(reading, truth);
				String expected = registry.reference()[truth];
				JsonNode top = candidates.path(0);
				boolean first = expected.equals(top.path("legacyReference").asString(null))
						&& !top.path("tie").asBoolean(false);
				if (answerable) {
					tally.answerable++;
				}
				if (first) {
					tally.first++;
					if (answerable) {
						tally.firstAnswerable++;
					}
					String band = top.path("band").asString("");
					if (band.equals("EXACT") || band.equals("PROBABLE")) {
						tally.probable++;
					}
				}
				for (JsonNode c : candidates) {
					if (expected.equals(c.path("legacyReference").asString(null))) {
						tally.topTen++;
						break;
					}
				}
			}
			progress.accept(String.format(Locale.ROOT, "  %s: %d queries", kind.label, tally.queries));
		}
		return report(tallies, all);
	}

	private JsonNode search(HttpClient http, Settings settings, String serial, String make)
			throws IOException, InterruptedException {
		String body = JSON.writeValueAsString(Map.of("serial", serial, "make", make));
		HttpResponse<String> answer = http.send(HttpRequest.newBuilder(settings.base().resolve("/api/v1/trace/search"))
			.header("Authorization", "Bearer " + settings.token())
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		if (answer.statusCode() != 200) {
			throw new IllegalStateException("the search answered " + answer.statusCode() + ": " + answer.body());
		}
		return JSON.readTree(answer.body());
	}

	private static Registry read(Path csv) throws IOException {
		List<String> references = new ArrayList<>();
		List<String> makes = new ArrayList<>();
		List<String> serials = new ArrayList<>();
		try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			CsvReader rows = new CsvReader(in);
			int reference = rows.column("legacy_ref");
			int make = rows.column("make");
			int serial = rows.column("serial");
			if (reference < 0 || make < 0 || serial < 0) {
				throw new IllegalStateException(csv + ": a legacy file with legacy_ref, make and serial is needed");
			}
			for (CsvReader.Row row = rows.next(); row != null; row = rows.next()) {
				if (row.problem() == null) {
					references.add(row.get(reference));
					makes.add(row.get(make));
					serials.add(row.get(serial));
				}
			}
		}
		Map<String, Integer> byReading = new HashMap<>(serials.size() * 2);
		for (int i = 0; i < serials.size(); i++) {
			byReading.putIfAbsent(Readings.key(serials.get(i), makes.get(i)), i);
		}
		return new Registry(references.toArray(String[]::new), makes.toArray(String[]::new),
				serials.toArray(String[]::new), byReading);
	}

	private static List<String> report(Map<Kind, Tally> tallies, List<Long> all) {
		List<String> lines = new ArrayList<>();
		lines
			.add("| damage | n | answerable | rec@1 | r@1 answerable | top10 | first at PROBABLE+ | p50 ms | p95 ms |");
		lines.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		tallies.forEach((kind, t) -> lines
			.add(String.format(Locale.ROOT, "| %s | %d | %.3f | %.3f | **%.3f** | %.3f | %.3f | %s | %s |", kind.label,
					t.queries, share(t.answerable, t.queries), share(t.first, t.queries),
					share(t.firstAnswerable, t.answerable), share(t.topTen, t.queries), share(t.probable, t.queries),
					TracingBenchmarkReport.ms(t.nanos, 50), TracingBenchmarkReport.ms(t.nanos, 95))));
		lines.add(String.format(Locale.ROOT, "| **all queries** | %d | | | | | | %s | **%s** (p99 %s) |", all.size(),
				TracingBenchmarkReport.ms(all, 50), TracingBenchmarkReport.ms(all, 95),
				TracingBenchmarkReport.ms(all, 99)));
		return lines;
	}

	private static double share(int part, int whole) {
		return whole == 0 ? 0 : (double) part / whole;
	}

}
