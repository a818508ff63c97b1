package org.armstrace.analytics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;

import org.armstrace.seizure.SeizureStatistics.Count;
import org.armstrace.seizure.SeizureStatistics.Dimension;
import org.armstrace.seizure.SeizureStatistics.Filter;
import org.armstrace.tracing.TraceRequestQueries;
import org.armstrace.tracing.TraceRequestQueries.Named;
import org.armstrace.tracing.TraceRequestQueries.TraceStatistics;
import org.springframework.stereotype.Service;

/**
 * The indicators of the dashboard (docs/analytics.md#dashboard), each as a chart: a table
 * of labelled rows of numbers, the same for the page, the API, CSV and XLSX.
 */
@Service
public class Dashboards {

	/** One chart's data: its columns, and one row per label. */
	public record Chart(String id, List<String> columns, List<Row> rows) {

		public long total(int column) {
			return rows.stream().mapToLong(r -> r.values().get(column).longValue()).sum();
		}

	}

	public record Row(String label, List<Number> values) {
	}

	/** Seizures and the firearms, parts and ammunition lots seized in them. */
	public record Totals(long seizures, long firearms, long parts, long ammunition) {
	}

	/**
	 * Firearms seized from a country to the country of seizure: from the country of
	 * manufacture ({@code MANUFACTURE}), or of last legal import ({@code LAST_IMPORT}),
	 * as observed on them.
	 */
	public record Flow(String kind, String from, String to, long firearms) {
	}

	/** The headline figures of trace requests opened in the period. */
	public record TraceIndicators(long opened, long answered, long identified, Double successRate,
			Double medianDaysToAnswer, long awaitingAnswer, long overdue, Double overdueShare) {
	}

	/**
	 * SDG indicator 16.4.2 for the firearms seized in the period: traceable ones (no
	 * ISACS exception) and those whose illicit origin was established (their trace
	 * identified a record).
	 */
	public record Sdg(long seizedFirearms, long traceable, long established, Double share) {
	}

	public record Dashboard(Filter filter, Dimension by, Totals totals, TraceIndicators traces, Sdg sdg,
			List<Chart> charts) {

		public Chart chart(String id) {
			return charts.stream()
				.filter(c -> c.id().equals(id))
				.findFirst()
				.orElseThrow(() -> new NoSuchElementException("no chart " + id));
		}

	}

	/** Upper bounds, in days, of the time-to-crime bins; the last bin is open. */
	static final long[] TIME_TO_CRIME_BINS = { 90, 365, 3 * 365, 5 * 365, 10 * 365 };

	/** Runs a dashboard's second reader, each on a thread of its own. */
	private static final Executor READERS = Executors.newVirtualThreadPerTaskExecutor();

	/** Points of diversion of each kind the chart shows. */
	static final int TOP = 10;

	private final MonthlyCounts counts;

	private final TraceRequestQueries traces;

	Dashboards(MonthlyCounts counts, TraceRequestQueries traces) {
		this.counts = counts;
		this.traces = traces;
	}

	public Dashboard dashboard(Filter filter, Dimension by, LocalDate today) {
		// the trace indicators and the seizure counts read different tables: both at once
		CompletableFuture<TraceStatistics> traced = CompletableFuture
			.supplyAsync(() -> traces.statistics(filter.from(), filter.to(), today, TIME_TO_CRIME_BINS, TOP), READERS);
		List<Count> all = counts.counts(filter);
		TraceStatistics outcomes = traced.join();
		List<Chart> charts = new ArrayList<>();
		charts.add(monthly("seizures-by-month", of(all, Dimension.NONE)));
		charts.add(split("items-by-month", of(all, by)));
		charts.add(split("non-industrial-by-month", of(all, Dimension.NON_INDUSTRIAL_KIND)));
		charts.add(timeToCrime(outcomes));
		charts.add(states(outcomes));
		charts.add(diversion(outcomes));
		Totals totals = totals(all);
		Sdg sdg = sdg(all, totals);
		charts.add(new Chart("sdg-16-4-2", List.of("firearms"),
				List.of(new Row("established", List.of(sdg.established())),
						new Row("not-established", List.of(sdg.traceable() - sdg.established())),
						new Row("trace-exception", List.of(sdg.seizedFirearms() - sdg.traceable())))));
		return new Dashboard(filter, by, totals, indicators(outcomes), sdg, List.copyOf(charts));
	}

	/**
	 * Seized firearms of the filter by country of manufacture and by country of last
	 * legal import to the country of seizure, the largest first.
	 */
	public List<Flow> flows(Filter filter) {
		Map<List<String>, Long> flows = new HashMap<>();
		for (Count c : counts.counts(filter)) {
			if (c.dimension() == Dimension.MANUFACTURE || c.dimension() == Dimension.LAST_IMPORT) {
				flows.merge(List.of(c.dimension().name(), c.group(), c.country()), c.firearms(), Long::sum);
			}
		}
		return flows.entrySet()
			.stream()
			.map(e -> new Flow(e.getKey().get(0), e.getKey().get(1), e.getKey().get(2), e.getValue()))
			.sorted(Comparator.comparingLong(Flow::firearms)
				.reversed()
				.thenComparing(f -> f.kind() + f.from() + f.to()))
			.toList();
	}

	private static List<Count> of(List<Count> counts, Dimension dimension) {
		return counts.stream().filter(c -> c.dimension() == dimension).toList();
	}

	private static Totals totals(List<Count> counts) {
		long[] t = new long[4];
		for (Count c : of(counts, Dimension.NONE)) {
			t[0] += c.seizures();
			t[1] += c.firearms();
			t[2] += c.parts();
			t[3] += c.ammunition();
		}
		return new Totals(t[0], t[1], t[2], t[3]);
	}

	/** Seizures, firearms, parts and ammunition lots by month, the earliest first. */
	private static Chart monthly(String id, List<Count> counts) {
		Map<YearMonth, long[]> byMonth = new TreeMap<>();
		for (Count c : counts) {
			long[] m = byMonth.computeIfAbsent(c.month(), k -> new long[4]);
			m[0] += c.seizures();
			m[1] += c.firearms();
			m[2] += c.parts();
			m[3] += c.ammunition();
		}
		List<Row> rows = new ArrayList<>();
		byMonth.forEach((month, m) -> rows.add(new Row(month.toString(), List.of(m[0], m[1], m[2], m[3]))));
		return new Chart(id, List.of("seizures", "firearms", "parts", "ammunition"), rows);
	}

	/** Items (firearms, parts and ammunition lots) by month, one column per group. */
	private static Chart split(String id, List<Count> counts) {
		Set<String> groups = new TreeSet<>();
		Map<YearMonth, Map<String, Long>> byMonth = new TreeMap<>();
		for (Count c : counts) {
			groups.add(c.group());
			byMonth.computeIfAbsent(c.month(), m -> new HashMap<>())
				.merge(c.group(), c.firearms() + c.parts() + c.ammunition(), Long::sum);
		}
		List<String> columns = List.copyOf(groups);
		List<Row> rows = new ArrayList<>();
		byMonth.forEach((month, values) -> rows
			.add(new Row(month.toString(), columns.stream().map(g -> (Number) values.getOrDefault(g, 0L)).toList())));
		return new Chart(id, columns, rows);
	}

	private static Chart timeToCrime(TraceStatistics outcomes) {
		long[] bins = outcomes.timeToCrime();
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < bins.length; i++) {
			String label = i == 0 ? "<" + TIME_TO_CRIME_BINS[0] : i == TIME_TO_CRIME_BINS.length
					? ">=" + TIME_TO_CRIME_BINS[i - 1] : TIME_TO_CRIME_BINS[i - 1] + "-" + (TIME_TO_CRIME_BINS[i] - 1);
			rows.add(new Row(label, List.of(bins[i])));
		}
		return new Chart("time-to-crime", List.of("traces"), rows);
	}

	private static Chart states(TraceStatistics outcomes) {
		return new Chart("trace-outcomes", List.of("traces"),
				outcomes.byState()
					.entrySet()
					.stream()
					.map(e -> new Row(e.getKey().name(), List.of((Number) e.getValue())))
					.toList());
	}

	/**
	 * The points of diversion named by the most trace requests, the first {@link #TOP} of
	 * each kind: retail dealers that last sold the traced firearm ({@code RETAIL_DEALER
	 * id}), last legal holders other than that dealer
	 * ({@code LAST_LEGAL_HOLDER role id}), and exports whose firearm came back to be
	 * traced here ({@code EXPORT country}).
	 */
	private static Chart diversion(TraceStatistics outcomes) {
		List<Row> rows = new ArrayList<>();
		Map<String, List<Named>> byKind = new LinkedHashMap<>();
		byKind.put("RETAIL_DEALER", outcomes.retailDealers());
		byKind.put("LAST_LEGAL_HOLDER", outcomes.lastHolders());
		byKind.put("EXPORT", outcomes.exports());
		byKind.forEach((kind, named) -> named
			.forEach(n -> rows.add(new Row(kind + " " + n.key(), List.of((Number) n.traces())))));
		return new Chart("diversion-points", List.of("traces"), rows);
	}

	private static TraceIndicators indicators(TraceStatistics t) {
		long opened = t.byState().values().stream().mapToLong(Long::longValue).sum();
		return new TraceIndicators(opened, t.answered(), t.identified(), share(t.identified(), t.answered()),
				t.medianDaysToAnswer(), t.awaiting(), t.overdue(), share(t.overdue(), t.awaiting()));
	}

	private static Sdg sdg(List<Count> counts, Totals totals) {
		long traceable = 0;
		long established = 0;
		for (Count c : of(counts, Dimension.TRACEABILITY)) {
			traceable += "TRACEABLE".equals(c.group()) ? c.firearms() : 0;
			established += MonthlyCounts.ESTABLISHED.equals(c.group()) ? c.firearms() : 0;
		}
		return new Sdg(totals.firearms(), traceable, established, share(established, traceable));
	}

	private static Double share(long part, long whole) {
		return whole == 0 ? null : (double) part / whole;
	}

}
