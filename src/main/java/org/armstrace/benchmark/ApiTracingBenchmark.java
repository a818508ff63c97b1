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
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.IntToDoubleFunction;
import java.util.stream.IntStream;

import org.armstrace.benchmark.BenchmarkQueries.Kind;
import org.armstrace.csv.CsvReader;
import org.armstrace.tracing.SerialForms;
import org.armstrace.tracing.Tracing;
import org.springframework.stereotype.Service;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tracing benchmark through the REST API ({@code benchmark-trace-api},
 * docs/benchmarks.md), against a running instance whose registry came in through the
 * legacy import: the imported file is the ground truth. Corrupted readings of its records
 * (the corruptions of {@code benchmark-tracing}) with what an officer notes besides (as
 * {@code benchmark-tracing}: the make always, the calibre half of the time, the model,
 * the type and a year range each a third; or the make alone) go to
 * {@code POST /api/v1/trace/search} one at a time over one connection; it reports recall
 * by kind of damage, on all queries and on the answerable ones (whose reading is not
 * itself another record of the make and, for a missing leading part, is not the end of
 * another record's serial of the make), and the latency the client saw.
 */
@Service
public class ApiTracingBenchmark {

	/**
	 * What to measure.
	 *
	 * @param makeOnly send the make alone as evidence besides the serial
	 * @param bestPossible weigh what the ideal observer finds; without it its columns
	 * stay empty (at 10,000,000 firearms it takes most of a run's time, and it depends
	 * only on the queries, which the seed fixes, not on the server)
	 */
	public record Settings(URI base, String token, Path csv, int perKind, int warmUp, long seed, boolean makeOnly,
			boolean bestPossible) {
	}

	private static final List<Kind> KINDS = List.of(Kind.CONFUSION_1, Kind.TRANSPOSITION_1, Kind.MISSING_LEADING_1,
			Kind.CONFUSION_2, Kind.TRANSPOSITION_2, Kind.MISSING_LEADING_2, Kind.OBLITERATED_1, Kind.OBLITERATED_2);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The imported file's records by row, and each row's serial folded. */
	record Registry(String[] reference, String[] make, String[] model, String[] type, String[] calibre, int[] year,
			String[] serial, String[] folded, Map<String, Integer> byReading, int[] nextSameReading, char[] alphabet) {

		/**
		 * The rows of the make whose serial, normalised, is exactly {@code normalised}.
		 */
		List<Integer> rows(String normalised, String ofMake) {
			List<Integer> out = new ArrayList<>(1);
			Integer first = byReading.get(Readings.key(normalised, ofMake));
			for (int row = first == null ? -1 : first; row >= 0; row = nextSameReading[row]) {
				if (make[row].equals(ofMake) && SerialForms.normalise(serial[row]).equals(normalised)) {
					out.add(row);
				}
			}
			return out;
		}

		/**
		 * How likely the officer's notes were drawn for the item of {@code row}, as
		 * {@link #observed} draws them (0 where they contradict the row).
		 */
		double notesLikelihood(int row, Map<String, Object> notes) {
			double chance = noted(calibre[row], notes.get("calibre"), 1 / 2.0)
					* noted(model[row], notes.get("model"), 1 / 3.0) * noted(type[row], notes.get("type"), 1 / 3.0);
			Object from = notes.get("yearFrom");
			if (from == null) {
				return chance * (year[row] > 0 ? 2 / 3.0 : 1);
			}
			int centre = (Integer) from + 2;
			return year[row] > 0 && Math.abs(centre - year[row]) <= 2 ? chance / 3 / 5 : 0;
		}

		private static double noted(String recorded, Object noted, double seen) {
			boolean known = recorded != null && !recorded.isBlank();
			if (noted == null) {
				return known ? 1 - seen : 1;
			}
			return known && recorded.equals(noted) ? seen : 0;
		}

		/** Another record of the same make reads the same once folded. */
		boolean isAnotherRecord(String reading, int truth) {
			if (SerialForms.hasWildcards(reading)) {
				return false;
			}
			Integer other = byReading.get(Readings.key(reading, make[truth]));
			return other != null && other != truth;
		}

		/**
		 * Another record of the same make has a serial that ends as the reading does,
		 * once folded: a missing leading part cannot tell them apart.
		 */
		boolean endsAnotherRecord(String reading, int truth, FoldedEndings endings) {
			return endings.endsAnother(SerialForms.fold(SerialForms.normalise(reading)), make[truth], truth);
		}

		/**
		 * Ten or more records of the same make fit the pattern (an obliterated character
		 * for each '?'), once folded: then not even the first ten can be sure to hold it.
		 */
		boolean tenFit(String reading, int truth) {
			return fitting(SerialForms.fold(SerialForms.normalise(reading)), make[truth], 10) >= 10;
		}

		/**
		 * The rows of {@code ofMake} whose folded serial fits {@code pattern} (folded,
		 * '?' for an obliterated character), counted up to {@code enough}: every way of
		 * filling up to three obliterated characters with a character of the file is
		 * looked up; more are found by a walk of every row.
		 */
		int fitting(String pattern, String ofMake, int enough) {
			long obliterated = pattern.chars().filter(c -> c == SerialForms.ONE).count();
			return obliterated > 3 ? walked(pattern, ofMake, enough) : filled(pattern.toCharArray(), 0, ofMake, enough);
		}

		private int filled(char[] pattern, int from, String ofMake, int enough) {
			int at = from;
			while (at < pattern.length && pattern[at] != SerialForms.ONE) {
				at++;
			}
			int count = 0;
			if (at == pattern.length) {
				Integer first = byReading.get(Readings.key(new String(pattern), ofMake));
				for (int row = first == null ? -1 : first; row >= 0 && count < enough; row = nextSameReading[row]) {
					count++;
				}
				return count;
			}
			for (int k = 0; k < alphabet.length && count < enough; k++) {
				pattern[at] = alphabet[k];
				count += filled(pattern, at + 1, ofMake, enough - count);
			}
			pattern[at] = SerialForms.ONE;
			return count;
		}

		/** The same, by a walk of every row. */
		int walked(String pattern, String ofMake, int enough) {
			int fitting = 0;
			for (int i = 0; i < folded.length && fitting < enough; i++) {
				if (fits(pattern, folded[i]) && make[i].equals(ofMake)) {
					fitting++;
				}
			}
			return fitting;
		}

		private static boolean fits(String pattern, String serial) {
			if (pattern.length() != serial.length()) {
				return false;
			}
			for (int k = 0; k < pattern.length(); k++) {
				char p = pattern.charAt(k);
				if (p != SerialForms.ONE && p != serial.charAt(k)) {
					return false;
				}
			}
			return true;
		}

		/**
		 * What the officer sends about the item of row {@code row}, read as
		 * {@code reading}.
		 */
		Map<String, Object> observed(int row, String reading, boolean makeOnly, SplittableRandom random) {
			Map<String, Object> body = new HashMap<>();
			body.put("serial", reading);
			body.put("make", make[row]);
			if (makeOnly) {
				return body;
			}
			boolean calibreSeen = random.nextBoolean();
			boolean modelSeen = random.nextInt(3) == 0;
			boolean typeSeen = random.nextInt(3) == 0;
			boolean yearSeen = random.nextInt(3) == 0;
			int centre = year[row] - 2 + random.nextInt(5);
			putIfKnown(body, "calibre", calibreSeen ? calibre[row] : null);
			putIfKnown(body, "model", modelSeen ? model[row] : null);
			putIfKnown(body, "type", typeSeen ? type[row] : null);
			if (yearSeen && year[row] > 0) {
				body.put("yearFrom", centre - 2);
				body.put("yearTo", centre + 2);
			}
			return body;
		}

		private static void putIfKnown(Map<String, Object> body, String field, String value) {
			if (value != null && !value.isBlank()) {
				body.put(field, value);
			}
		}

	}

	/** One kind's tally. */
	private static final class Tally {

		int queries;

		int answerable;

		int first;

		int firstAnswerable;

		int topTen;

		int topTenAnswerable;

		int probable;

		/**
		 * Answerable queries of a modelled kind the ideal observer finds first, alone.
		 */
		int ideal;

		/** The same, the observer not knowing the kind of damage. */
		int idealBlind;

		final List<Long> nanos = new ArrayList<>();

	}

	/** One search asked: what was read, what the server answered and how long it took. */
	private record Asked(Kind kind, int truth, String reading, Map<String, Object> observed, JsonNode candidates,
			long took) {
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
		boolean showMisses = System.getenv("ARMSTRACE_BENCHMARK_MISSES") != null;
		Endings endings = new Endings(registry.serial());
		IdealObserver ideal = new IdealObserver(registry::rows, endings::endingWith);
		FoldedEndings foldedEndings = new FoldedEndings(registry.folded(), registry.make());
		for (int i = 0; i < settings.warmUp(); i++) {
			int truth = random.nextInt(registry.serial().length);
			String reading = BenchmarkQueries.corrupt(Kind.CONFUSION_1, registry.serial()[truth], random);
			search(http, settings, registry.observed(truth, reading, settings.makeOnly(), random));
		}
		progress.accept("warmed up with " + settings.warmUp() + " queries");
		// every search first, then what they found weighed: the weighing (the ideal
		// observer walks the registry for each reading) would otherwise run between the
		// searches on the cores the server answers on
		List<Asked> asked = new ArrayList<>();
		for (Kind kind : KINDS) {
			int queries = 0;
			while (queries < settings.perKind()) {
				int truth = random.nextInt(registry.serial().length);
				String reading = BenchmarkQueries.corrupt(kind, registry.serial()[truth], random);
				if (reading == null || reading.isEmpty()) {
					continue;
				}
				Map<String, Object> observed = registry.observed(truth, reading, settings.makeOnly(), random);
				long started = System.nanoTime();
				JsonNode candidates = search(http, settings, observed).path("candidates");
				long took = System.nanoTime() - started;
				asked.add(new Asked(kind, truth, reading, observed, candidates, took));
				queries++;
			}
			progress.accept(String.format(Locale.ROOT, "  %s: %d queries", kind.label, queries));
		}
		// whether each query is answerable and, for the kinds it models, whether the
		// ideal observer finds it, knowing the damage and not: on every core
		boolean[][] weighed = IntStream.range(0, asked.size()).parallel().mapToObj(i -> {
			Asked a = asked.get(i);
			if (!answerable(registry, a, foldedEndings)) {
				return new boolean[] { false };
			}
			if (!settings.bestPossible() || !IdealObserver.models(a.kind())) {
				return new boolean[] { true };
			}
			String normalised = SerialForms.normalise(a.reading());
			IntToDoubleFunction notes = row -> registry.notesLikelihood(row, a.observed());
			String make = registry.make()[a.truth()];
			return new boolean[] { true, ideal.findsFirst(a.kind(), normalised, make, a.truth(), notes),
					ideal.findsFirstNotKnowingTheDamage(normalised, make, a.truth(), notes) };
		}).toArray(boolean[][]::new);
		Map<Kind, Tally> tallies = new EnumMap<>(Kind.class);
		List<Long> all = new ArrayList<>();
		for (int at = 0; at < asked.size(); at++) {
			Asked a = asked.get(at);
			Kind kind = a.kind();
			int truth = a.truth();
			String reading = a.reading();
			Map<String, Object> observed = a.observed();
			JsonNode candidates = a.candidates();
			Tally tally = tallies.computeIfAbsent(kind, k -> new Tally());
			tally.nanos.add(a.took());
			all.add(a.took());
			tally.queries++;
			boolean answerable = weighed[at][0];
			String expected = registry.reference()[truth];
			JsonNode top = candidates.path(0);
			boolean first = expected.equals(top.path("legacyReference").asString(null))
					&& !top.path("tie").asBoolean(false);
			String blind = "";
			if (answerable) {
				tally.answerable++;
				if (weighed[at].length > 1) {
					tally.ideal += weighed[at][1] ? 1 : 0;
					tally.idealBlind += weighed[at][2] ? 1 : 0;
					blind = weighed[at][2] ? "; best possible (damage unknown) finds it"
							: "; best possible misses it too";
				}
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
			if (answerable && !first && showMisses) {
				progress
					.accept(String.format(Locale.ROOT, "  missed (%s): read %s for %s %s; first %s (%s%s: %s); %s%s",
							kind.label, reading, registry.serial()[truth], observed, top.path("serial").asString(""),
							top.path("score"), top.path("tie").asBoolean(false) ? ", a tie" : "", reasons(top),
							whereTheTruthIs(http, settings, observed, expected), blind));
			}
			if (rankOf(candidates, expected) >= 0) {
				tally.topTen++;
				tally.topTenAnswerable += answerable ? 1 : 0;
			}
		}
		return report(tallies, all, settings.bestPossible());
	}

	/**
	 * No method could tell the record read from another: the reading is another record's
	 * serial, or (a missing leading part) another's ending, or ten or more fit its
	 * obliterated characters.
	 */
	private static boolean answerable(Registry registry, Asked a, FoldedEndings foldedEndings) {
		return switch (a.kind()) {
			case MISSING_LEADING_1, MISSING_LEADING_2 -> !registry.isAnotherRecord(a.reading(), a.truth())
					&& !registry.endsAnotherRecord(a.reading(), a.truth(), foldedEndings);
			case OBLITERATED_1, OBLITERATED_2 -> !registry.tenFit(a.reading(), a.truth());
			default -> !registry.isAnotherRecord(a.reading(), a.truth());
		};
	}

	/**
	 * Where the record read stands among the most candidates a search gives: ranked below
	 * the first, or not among them at all (the index did not offer it).
	 */
	private String whereTheTruthIs(HttpClient http, Settings settings, Map<String, Object> observed, String expected)
			throws IOException, InterruptedException {
		JsonNode candidates = search(http, settings, observed, Tracing.MAX_LIMIT).path("candidates");
		int rank = rankOf(candidates, expected);
		return rank < 0 ? "the record read not among " + candidates.size()
				: String.format(Locale.ROOT, "the record read ranked %d (%s: %s)", rank + 1,
						candidates.get(rank).path("score"), reasons(candidates.get(rank)));
	}

	/** A candidate's explanation, short: each reason's code and values. */
	private static String reasons(JsonNode candidate) {
		List<String> out = new ArrayList<>();
		for (JsonNode reason : candidate.path("explanation")) {
			List<String> values = new ArrayList<>();
			reason.path("values").forEach(v -> values.add(v.asString("")));
			out.add(reason.path("code").asString("") + values);
		}
		return String.join(" ", out);
	}

	/**
	 * The registered serials by how they end, for the ideal observer of a missing leading
	 * part: made at its first question (a sort of every serial, reversed).
	 */
	private static final class Endings {

		private final String[] serials;

		private String[] reversed;

		Endings(String[] serials) {
			this.serials = serials;
		}

		/** Asked from several threads at once: made once, seen whole. */
		private synchronized String[] reversed() {
			if (reversed == null) {
				reversed = Arrays.stream(serials)
					.parallel()
					.map(s -> FoldedEndings.reverse(SerialForms.normalise(s)))
					.distinct()
					.sorted()
					.toArray(String[]::new);
			}
			return reversed;
		}

		/**
		 * The serials (normalised, distinct) longer than {@code end} that end with it.
		 */
		List<String> endingWith(String end) {
			String[] reversed = reversed();
			String key = FoldedEndings.reverse(end);
			int at = Arrays.binarySearch(reversed, key);
			List<String> out = new ArrayList<>();
			for (int i = at < 0 ? -at - 1 : at; i < reversed.length && reversed[i].startsWith(key); i++) {
				if (reversed[i].length() > key.length()) {
					out.add(FoldedEndings.reverse(reversed[i]));
				}
			}
			return out;
		}

	}

	/** Where the record with this legacy reference stands among the candidates, or -1. */
	private static int rankOf(JsonNode candidates, String expected) {
		for (int rank = 0; rank < candidates.size(); rank++) {
			if (expected.equals(candidates.get(rank).path("legacyReference").asString(null))) {
				return rank;
			}
		}
		return -1;
	}

	private JsonNode search(HttpClient http, Settings settings, Map<String, Object> observed)
			throws IOException, InterruptedException {
		return search(http, settings, observed, 10);
	}

	private JsonNode search(HttpClient http, Settings settings, Map<String, Object> observed, int limit)
			throws IOException, InterruptedException {
		String body = JSON.writeValueAsString(observed);
		HttpResponse<String> answer = http
			.send(HttpRequest.newBuilder(settings.base().resolve("/api/v1/trace/search?limit=" + limit))
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

	static Registry read(Path csv) throws IOException {
		List<String[]> rows = new ArrayList<>();
		try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
			CsvReader file = new CsvReader(in);
			int[] columns = new int[COLUMNS.size()];
			for (int c = 0; c < columns.length; c++) {
				columns[c] = file.column(COLUMNS.get(c));
			}
			if (columns[0] < 0 || columns[1] < 0 || columns[SERIAL] < 0) {
				throw new IllegalStateException(csv + ": a legacy file with legacy_ref, make and serial is needed");
			}
			// makes, models, types, calibres and years repeat: one copy each (10,000,000
			// rows)
			Map<String, String> repeated = new HashMap<>();
			for (CsvReader.Row row = file.next(); row != null; row = file.next()) {
				if (row.problem() == null) {
					String[] values = new String[columns.length];
					for (int c = 0; c < columns.length; c++) {
						String value = columns[c] < 0 ? null : row.get(columns[c]);
						values[c] = value == null || c == 0 || c == SERIAL ? value
								: repeated.computeIfAbsent(value, v -> v);
					}
					rows.add(values);
				}
			}
		}
		int n = rows.size();
		String[][] byColumn = new String[COLUMNS.size()][n];
		int[] year = new int[n];
		String[] folded = new String[n];
		Map<String, Integer> byReading = new HashMap<>(n * 2);
		int[] nextSameReading = new int[n];
		for (int i = 0; i < n; i++) {
			String[] row = rows.get(i);
			for (int c = 0; c < row.length; c++) {
				byColumn[c][i] = row[c];
			}
			year[i] = row[YEAR] == null || !row[YEAR].matches("\\d{4}") ? 0 : Integer.parseInt(row[YEAR]);
			folded[i] = SerialForms.fold(SerialForms.normalise(row[SERIAL]));
			// rows reading the same once folded, chained from the first
			Integer first = byReading.putIfAbsent(Readings.key(row[SERIAL], row[1]), i);
			nextSameReading[i] = -1;
			if (first != null) {
				nextSameReading[i] = nextSameReading[first];
				nextSameReading[first] = i;
			}
		}
		// every character a folded serial of the file holds: what an obliterated one can
		// have been
		char[] alphabet = Arrays.stream(folded)
			.flatMapToInt(String::chars)
			.distinct()
			.sorted()
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString()
			.toCharArray();
		return new Registry(byColumn[0], byColumn[1], byColumn[2], byColumn[3], byColumn[4], year, byColumn[SERIAL],
				folded, byReading, nextSameReading, alphabet);
	}

	/** The legacy file's columns read, in this order. */
	private static final List<String> COLUMNS = List.of("legacy_ref", "make", "model", "type", "calibre", "serial",
			"year");

	private static final int SERIAL = 5;

	private static final int YEAR = 6;

	private static List<String> report(Map<Kind, Tally> tallies, List<Long> all, boolean bestPossible) {
		List<String> lines = new ArrayList<>();
		lines.add("| damage | n | answerable | rec@1 | r@1 answerable | best possible | best, damage unknown "
				+ "| top10 | top10 answerable | first at PROBABLE+ | p50 ms | p95 ms |");
		lines.add("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
		tallies.forEach((kind,
				t) -> lines.add(String.format(Locale.ROOT,
						"| %s | %d | %.3f | %.3f | **%.3f** | %s | %s | %.3f | %.3f | %.3f | %s | %s |", kind.label,
						t.queries, share(t.answerable, t.queries), share(t.first, t.queries),
						share(t.firstAnswerable, t.answerable), bestPossible ? ideal(kind, t.ideal, t.answerable) : "",
						bestPossible ? ideal(kind, t.idealBlind, t.answerable) : "", share(t.topTen, t.queries),
						share(t.topTenAnswerable, t.answerable), share(t.probable, t.queries),
						TracingBenchmarkReport.ms(t.nanos, 50), TracingBenchmarkReport.ms(t.nanos, 95))));
		lines.add(String.format(Locale.ROOT, "| **all queries** | %d | | | | | | | | | %s | **%s** (p99 %s) |",
				all.size(), TracingBenchmarkReport.ms(all, 50), TracingBenchmarkReport.ms(all, 95),
				TracingBenchmarkReport.ms(all, 99)));
		return lines;
	}

	/** The ideal observer's share, for the kinds it models. */
	private static String ideal(Kind kind, int found, int answerable) {
		return IdealObserver.models(kind) && answerable > 0
				? String.format(Locale.ROOT, "%.3f", share(found, answerable)) : "";
	}

	private static double share(int part, int whole) {
		return whole == 0 ? 0 : (double) part / whole;
	}

}
