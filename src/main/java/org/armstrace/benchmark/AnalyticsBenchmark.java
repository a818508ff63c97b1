package org.armstrace.benchmark;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.armstrace.analytics.Dashboards;
import org.armstrace.analytics.MonthlyCounts;
import org.armstrace.registry.FirearmType;
import org.armstrace.seizure.CriminalContext;
import org.armstrace.seizure.IafqExport;
import org.armstrace.seizure.LegalBasis;
import org.armstrace.seizure.PlaceKind;
import org.armstrace.seizure.SeizureStatistics.Dimension;
import org.armstrace.seizure.SeizureStatistics.Filter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The analysis benchmark ({@code benchmark-analytics}, docs/benchmarks.md): fills an
 * empty scratch database's seizure and trace request tables with N generated seizures
 * over a number of years (set-based inserts of the rows the projections would write: it
 * measures reading, not recording), then times the dashboard, the map's flows and the
 * IAFQ export, first from the records alone (once each), then with the months counted and
 * kept. Run it with the background count off
 * ({@code --armstrace.analytics.count-after=PT24H}), so that only the benchmark counts.
 */
@Service
public class AnalyticsBenchmark {

	/** One timed question: its name and every run's milliseconds. */
	public record Timing(String question, List<Double> millis) {

		public double median() {
			double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
			return sorted.length % 2 == 1 ? sorted[sorted.length / 2]
					: (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
		}

		public double max() {
			return millis.stream().mapToDouble(Double::doubleValue).max().orElse(0);
		}

	}

	public record Result(long seizures, long items, long traceRequests, double fillSeconds, double countSeconds,
			int monthsCounted, List<Timing> fromRecords, List<Timing> kept) {
	}

	private static final String[] REGIONS = { "Region 1", "Region 2", "Region 3", "Region 4", "Region 5", "Region 6",
			"Region 7", "Region 8", "Region 9" };

	private static final String[] AGENCIES = { "Federal Police", "Customs", "Border Guard", "Regional Police",
			"Financial Police" };

	private static final String[] MAKES = { "Glock", "Beretta", "CZ", "Smith & Wesson", "Sig Sauer", "Zastava",
			"Walther", "Heckler & Koch", "Browning", "Ruger", "Colt", "Baikal", "Norinco", "Taurus", "FN Herstal" };

	private static final String[] CALIBRES = { "9x19mm", "7.62x39mm", ".22 LR", "12 gauge", ".45 ACP", "5.56x45mm",
			".38 Special", "7.65mm", "9x18mm", ".357 Magnum" };

	private static final String[] COUNTRIES = { "AUT", "DEU", "ITA", "CZE", "USA", "BEL", "SRB", "RUS", "CHN", "TUR",
			"BRA", "CHE", "HRV", "BIH", "FRA" };

	private static final String[] NON_INDUSTRIAL = { "PRINTED_3D", "CRAFT_MADE", "CONVERTED_ALARM", "REACTIVATED" };

	private static final int BATCH = 2_000;

	private final JdbcTemplate jdbc;

	private final MonthlyCounts monthlyCounts;

	private final Dashboards dashboards;

	private final IafqExport iafq;

	AnalyticsBenchmark(JdbcTemplate jdbc, MonthlyCounts monthlyCounts, Dashboards dashboards, IafqExport iafq) {
		this.jdbc = jdbc;
		this.monthlyCounts = monthlyCounts;
		this.dashboards = dashboards;
		this.iafq = iafq;
	}

	/** Seizures already recorded: the benchmark fills an empty database only. */
	public long seizures() {
		return count("seizure");
	}

	private long count(String table) {
		Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Long.class);
		return n == null ? 0 : n;
	}

	/**
	 * Fills (unless {@code again}: then it times the seizures a previous run wrote) and
	 * times.
	 */
	public Result run(int seizures, int years, long seed, int runs, boolean fromRecordsToo, boolean again,
			Consumer<String> progress) {
		LocalDate today = LocalDate.now();
		long started = System.nanoTime();
		long[] filled = again ? new long[] { count("seized_item"), count("trace_request") }
				: fill(seizures, years, seed, today, progress);
		double fillSeconds = again ? 0 : (System.nanoTime() - started) / 1e9;
		if (again) {
			seizures = (int) seizures();
		}
		progress.accept(String.format(Locale.ROOT, "filled in %.1f s; timing from the records", fillSeconds));
		// from the records each question takes long enough for one run to tell
		List<Timing> fromRecords = fromRecordsToo ? time(today, years, 1, progress) : List.of();
		started = System.nanoTime();
		int counted = monthlyCounts.countChangedMonths();
		double countSeconds = (System.nanoTime() - started) / 1e9;
		progress.accept(String.format(Locale.ROOT, "counted %d months in %.1f s; timing with kept months", counted,
				countSeconds));
		List<Timing> kept = time(today, years, runs, progress);
		return new Result(seizures, filled[0], filled[1], fillSeconds, countSeconds, counted, fromRecords, kept);
	}

	private List<Timing> time(LocalDate today, int years, int runs, Consumer<String> progress) {
		Filter lastYear = new Filter(today.minusYears(1).plusDays(1), today, null, null);
		Filter all = new Filter(today.minusYears(years), today, null, null);
		Filter region = new Filter(all.from(), today, "Region 3", null);
		LocalDate january = LocalDate.of(today.getYear() - 1, 1, 1);
		List<Timing> timings = new ArrayList<>();
		timings.add(timed("dashboard, last 12 months", runs,
				() -> dashboards.dashboard(lastYear, Dimension.FIREARM_TYPE, today)));
		timings.add(timed("dashboard, all " + years + " years", runs,
				() -> dashboards.dashboard(all, Dimension.FIREARM_TYPE, today)));
		timings.add(timed("dashboard, all years, one region, by context", runs,
				() -> dashboards.dashboard(region, Dimension.CRIMINAL_CONTEXT, today)));
		timings.add(timed("map of flows, all years", runs, () -> dashboards.flows(all)));
		timings.add(timed("IAFQ export, last calendar year (tables and item list)", runs,
				() -> iafq.report(january, january.plusYears(1).minusDays(1))));
		timings.forEach(t -> progress.accept(String.format(Locale.ROOT, "  %s: %.0f ms", t.question(), t.median())));
		return timings;
	}

	private static Timing timed(String question, int runs, Supplier<?> ask) {
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < runs; i++) {
			long started = System.nanoTime();
			ask.get();
			millis.add((System.nanoTime() - started) / 1e6);
		}
		return new Timing(question, millis);
	}

	/**
	 * @return the items and the trace requests written
	 */
	private long[] fill(int seizures, int years, long seed, LocalDate today, Consumer<String> progress) {
		SplittableRandom random = new SplittableRandom(seed);
		List<Object[]> seizureRows = new ArrayList<>();
		List<Object[]> itemRows = new ArrayList<>();
		List<Object[]> traceRows = new ArrayList<>();
		List<Object[]> firearmRows = new ArrayList<>();
		UUID[] dealers = ids(random, 300);
		UUID[] holders = ids(random, 20_000);
		long items = 0;
		long traces = 0;
		for (int s = 0; s < seizures; s++) {
			UUID seizureId = uuid(random);
			// recorded in the order they were made, as a registry fills: the oldest first
			LocalDate seizedOn = today.minusDays(years * 365L - 1 - (long) s * years * 365 / seizures);
			seizureRows.add(new Object[] { seizureId, String.format(Locale.ROOT, "BS-%08d", s), seizedOn,
					random.nextInt(20) == 0 ? pick(random, COUNTRIES) : "AUT", pick(random, REGIONS),
					pick(random, AGENCIES), pick(random, PlaceKind.values()).name(),
					pick(random, LegalBasis.values()).name(), pick(random, CriminalContext.values()).name() });
			int count = 1 + (random.nextInt(10) < 4 ? 1 : 0) + (random.nextInt(10) == 0 ? 1 : 0);
			for (int n = 1; n <= count; n++) {
				int k = random.nextInt(100);
				String kind = k < 70 ? "FIREARM" : k < 85 ? "PART" : "AMMUNITION";
				boolean firearm = kind.equals("FIREARM");
				UUID traceId = null;
				UUID recordId = null;
				String exception = null;
				if (firearm && random.nextInt(100) < 3) {
					exception = "antique";
				}
				else if (firearm && random.nextInt(100) < 40) {
					traceId = uuid(random);
					Object[] trace = trace(random, traceId, traces++, seizedOn, today, dealers, holders);
					traceRows.add(trace);
					// a trace that identified a record matched the seized firearm to it
					recordId = (UUID) trace[9];
				}
				String type = firearm ? pick(random, FirearmType.values()).name() : null;
				String make = kind.equals("AMMUNITION") ? null : pick(random, MAKES);
				String made = firearm ? pick(random, COUNTRIES) : null;
				if (recordId != null) {
					String serial = Long.toString(1_000_000_000L + items, 36).toUpperCase(Locale.ROOT);
					firearmRows.add(new Object[] { recordId, String.format(Locale.ROOT, "BF-%09d", items), type, make,
							make.toUpperCase(Locale.ROOT), serial, serial, made });
				}
				itemRows.add(new Object[] { uuid(random), seizureId, n, kind, type, make, pick(random, CALIBRES), made,
						firearm && random.nextBoolean() ? pick(random, COUNTRIES) : null,
						kind.equals("AMMUNITION") ? (long) (1 + random.nextInt(500)) : null,
						firearm && random.nextInt(50) == 0 ? pick(random, NON_INDUSTRIAL) : null, traceId, exception,
						recordId, seizedOn });
				items++;
			}
			if (seizureRows.size() >= BATCH || s == seizures - 1) {
				flush(seizureRows, itemRows, traceRows, firearmRows);
				if ((s + 1) % 100_000 == 0) {
					progress.accept(String.format(Locale.ROOT, "  %,d seizures", s + 1));
				}
			}
		}
		// fresh statistics for the planner, as autovacuum would gather them soon after
		jdbc.execute("ANALYZE");
		return new long[] { items, traces };
	}

	private Object[] trace(SplittableRandom random, UUID id, long n, LocalDate seizedOn, LocalDate today,
			UUID[] dealers, UUID[] holders) {
		LocalDate later = seizedOn.plusDays(random.nextInt(5));
		LocalDate opened = later.isAfter(today) ? today : later;
		int s = random.nextInt(100);
		String state = s < 60 ? "ANSWERED" : s < 70 ? "CLOSED" : s < 80 ? "UNRESOLVED" : "OPEN";
		boolean answered = state.equals("ANSWERED") || state.equals("CLOSED");
		boolean identified = answered && random.nextInt(10) < 7;
		LocalDate answeredOn = answered ? opened.plusDays(random.nextInt(60)) : null;
		if (answeredOn != null && answeredOn.isAfter(today)) {
			answeredOn = today;
		}
		boolean export = identified && random.nextInt(20) == 0;
		return new Object[] { id, String.format(Locale.ROOT, "BT-%08d", n), uuid(random), state, "ROUTINE", "{}",
				seizedOn, opened, opened.plusDays(30), identified ? uuid(random) : null,
				state.equals("UNRESOLVED") ? "no record fits" : null, answeredOn,
				answeredOn == null ? null : (int) (answeredOn.toEpochDay() - opened.toEpochDay()),
				identified ? pick(random, dealers) : null, identified ? (long) random.nextInt(7000) : null,
				identified ? pick(random, holders) : null, identified ? "INDIVIDUAL" : null,
				identified ? (export ? "EXPORTED" : "REPORTED_STOLEN") : null,
				export ? pick(random, COUNTRIES) : null };
	}

	private void flush(List<Object[]> seizureRows, List<Object[]> itemRows, List<Object[]> traceRows,
			List<Object[]> firearmRows) {
		jdbc.batchUpdate("INSERT INTO firearm (id, record_number, type, make, make_key, serial, serial_key, "
				+ "country_of_manufacture, craft_made, printed_3d, converted, modular, status, suspected_duplicate, "
				+ "diversion_flag, registered_seq, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, FALSE, FALSE, FALSE, "
				+ "FALSE, 'SEIZED', FALSE, FALSE, 0, 0)", firearmRows);
		jdbc.batchUpdate(
				"INSERT INTO seizure (id, reference, seized_on, country, region, agency, place_kind, "
						+ "legal_basis, criminal_context, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
				seizureRows);
		jdbc.batchUpdate("INSERT INTO seized_item (id, seizure_id, item_number, kind, firearm_type, make, calibre, "
				+ "country_of_manufacture, country_of_last_import, quantity, non_industrial_kind, trace_request_id, "
				+ "trace_exception, firearm_id, seized_on, custody_status, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, "
				+ "?, ?, ?, ?, ?, 'IN_CUSTODY', 0)", itemRows);
		jdbc.batchUpdate("INSERT INTO trace_request (id, reference, case_id, state, priority, observed, recovered_on, "
				+ "opened_on, due_on, firearm_id, unresolved_reason, answered_on, days_to_answer, retail_dealer_id, "
				+ "time_to_crime_days, "
				+ "last_holder_id, last_holder_role, diversion_fact, diversion_value, opened_by, opened_seq, last_seq) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'benchmark', 0, 0)", traceRows);
		seizureRows.clear();
		itemRows.clear();
		traceRows.clear();
		firearmRows.clear();
	}

	private static UUID[] ids(SplittableRandom random, int n) {
		UUID[] ids = new UUID[n];
		Arrays.setAll(ids, i -> uuid(random));
		return ids;
	}

	private static UUID uuid(SplittableRandom random) {
		return new UUID(random.nextLong(), random.nextLong());
	}

	private static <T> T pick(SplittableRandom random, T[] values) {
		return values[random.nextInt(values.length)];
	}

}
