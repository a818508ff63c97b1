package org.armstrace.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.armstrace.benchmark.BenchmarkQueries.Kind;

/**
 * What the tracing benchmark measured, as the table {@code docs/benchmarks.md} shows: per
 * kind of damage, the engine's recall and latency, and pg_trgm's beside them when the
 * baseline ran.
 */
public final class TracingBenchmarkReport {

	private final int firearms;

	private final Map<Kind, Tally> engine;

	private final Map<Kind, Tally> trgm;

	TracingBenchmarkReport(int firearms, Map<Kind, Tally> engine, Map<Kind, Tally> trgm) {
		this.firearms = firearms;
		this.engine = engine;
		this.trgm = trgm;
	}

	/**
	 * The table, line by line.
	 * @param withMisses also examples of the queries the engine got wrong
	 */
	public List<String> lines(boolean withMisses) {
		List<String> lines = new ArrayList<>();
		lines.add("");
		lines.add(String.format(Locale.ROOT,
				"firearms: %,d; one thread, warm; recall@1 = the true record first and not tied; "
						+ "@1 incl. ties = first or tied for first",
				firearms));
		lines.add(String.format(Locale.ROOT,
				"%-42s %6s | %-8s %-8s %-8s %-7s %-7s %-8s %-7s %-7s %-7s %-7s | %-8s %-7s %-7s %-7s", "kind", "n",
				"indist.", "rec@1", "r@1dist", "@1+tie", "top10", "t10dist", "prob+", "probX", "p50ms", "p95ms",
				"trgm@1", "top10", "p50ms", "p95ms"));
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
			lines.add(kind == Kind.UNREGISTERED ? unregistered(kind, e, t) : registered(kind, e, t));
		}
		if (withMisses) {
			engine.forEach((kind, e) -> e.misses.forEach(m -> lines.add("  miss " + kind + ": " + m)));
		}
		lines.addAll(crowded());
		lines.addAll(operatingPoint());
		lines.add(String.format(Locale.ROOT, "all queries: engine p50 %s ms, p95 %s ms, p99 %s ms, max %s ms%s",
				ms(allEngine, 50), ms(allEngine, 95), ms(allEngine, 99), ms(allEngine, 100),
				allTrgm.isEmpty() ? "" : String.format(Locale.ROOT, "; pg_trgm p50 %s ms, p95 %s ms, p99 %s ms",
						ms(allTrgm, 50), ms(allTrgm, 95), ms(allTrgm, 99))));
		lines.add("indist. = share of queries whose corrupted reading is itself another registered serial of "
				+ "the same make, or a misreading of one (no method can tell them apart); r@1dist = recall@1 among "
				+ "the others");
		return lines;
	}

	private static String registered(Kind kind, Tally e, Tally t) {
		int answerable = e.queries - e.readingIsAnotherRecord;
		return String.format(
				"%-42s %6d | %-8.3f %-8.3f %-8.3f %-7.3f %-7.3f %-8.3f %-7.3f %-7.3f %-7s %-7s | %-8s %-7s %-7s %-7s",
				kind.label, e.queries, e.share(e.readingIsAnotherRecord), e.share(e.first),
				answerable == 0 ? 0 : (double) e.firstWhereDistinguishable / answerable, e.share(e.firstOrTied),
				e.share(e.top10), answerable == 0 ? 0 : (double) e.top10WhereDistinguishable / answerable,
				e.share(e.probableRight), e.share(e.probableWrong), ms(e.nanos, 50), ms(e.nanos, 95),
				t == null ? "-" : String.format(Locale.ROOT, "%.3f", t.share(t.first)),
				t == null ? "-" : String.format(Locale.ROOT, "%.3f", t.share(t.top10)),
				t == null ? "-" : ms(t.nanos, 50), t == null ? "-" : ms(t.nanos, 95));
	}

	private static String unregistered(Kind kind, Tally e, Tally t) {
		return String.format(
				"%-42s %6d | top candidate neither exact nor probable: %.3f %29s | identical serial "
						+ "not on top: %s %s %s",
				kind.label, e.queries, e.share(e.notExactOrProbable), ms(e.nanos, 50) + " " + ms(e.nanos, 95),
				t == null ? "-" : String.format(Locale.ROOT, "%.3f", t.share(t.notExactOrProbable)),
				t == null ? "" : ms(t.nanos, 50), t == null ? "" : ms(t.nanos, 95));
	}

	/**
	 * For obliterated characters: how often ten or more records fit equally well, and
	 * top10 among the others.
	 */
	private List<String> crowded() {
		List<String> lines = new ArrayList<>();
		for (Kind kind : List.of(Kind.OBLITERATED_1, Kind.OBLITERATED_2)) {
			Tally e = engine.get(kind);
			if (e != null) {
				lines.add(String.format(
						"%s: %d of %d queries had 10 or more records fitting equally well; top10 "
								+ "among the others %.3f",
						kind.label, e.crowded, e.queries,
						e.queries == e.crowded ? 0 : (double) e.top10WhereNotCrowded / (e.queries - e.crowded)));
			}
		}
		return lines;
	}

	/**
	 * The operating point of the bands: of registered firearms read with one corruption
	 * (a confusion of any kind, a transposition, a missing leading part), the share
	 * answered with the right record at PROBABLE or better; of unregistered ones, the
	 * share kept below PROBABLE.
	 */
	private List<String> operatingPoint() {
		int n = 0;
		int answerable = 0;
		int right = 0;
		int rightAnswerable = 0;
		int wrong = 0;
		for (Kind kind : List.of(Kind.CONFUSION_1, Kind.TRANSPOSITION_1, Kind.MISSING_LEADING_1)) {
			Tally e = engine.get(kind);
			if (e != null) {
				n += e.queries;
				answerable += e.queries - e.readingIsAnotherRecord;
				right += e.probableRight;
				rightAnswerable += e.probableRightWhereDistinguishable;
				wrong += e.probableWrong;
			}
		}
		Tally u = engine.get(Kind.UNREGISTERED);
		List<String> lines = new ArrayList<>();
		if (n > 0) {
			lines.add(String.format(
					"operating point: one-corruption registered firearms with the right record at PROBABLE or better "
							+ "%.3f of all (%d), %.3f of the answerable (%d); a wrong record at PROBABLE or better %.3f; "
							+ "unregistered firearms kept below PROBABLE %s",
					(double) right / n, n, answerable == 0 ? 0 : (double) rightAnswerable / answerable, answerable,
					(double) wrong / n,
					u == null ? "-" : String.format(Locale.ROOT, "%.3f", u.share(u.notExactOrProbable))));
		}
		lines.add("t10dist = in the top ten among the answerable; prob+ = the true record first at EXACT or PROBABLE; "
				+ "probX = another record first at EXACT or PROBABLE");
		return lines;
	}

	/** The percentile of these nanoseconds, in milliseconds with two decimals. */
	static String ms(List<Long> nanos, int percentile) {
		if (nanos.isEmpty()) {
			return "-";
		}
		long[] sorted = nanos.stream().mapToLong(Long::longValue).toArray();
		Arrays.sort(sorted);
		int at = (int) Math.ceil(percentile / 100.0 * sorted.length) - 1;
		return String.format(Locale.ROOT, "%.2f", sorted[Math.max(0, Math.min(sorted.length - 1, at))] / 1e6);
	}

}
