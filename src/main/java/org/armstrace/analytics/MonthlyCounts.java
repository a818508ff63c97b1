package org.armstrace.analytics;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

import org.armstrace.command.Appended;
import org.armstrace.command.CommandKernel;
import org.armstrace.command.ProjectionsRebuilt;
import org.armstrace.seizure.SeizureEvent;
import org.armstrace.seizure.SeizureStatistics;
import org.armstrace.seizure.SeizureStatistics.Count;
import org.armstrace.seizure.SeizureStatistics.Dimension;
import org.armstrace.seizure.SeizureStatistics.Filter;
import org.armstrace.seizure.SeizureStatistics.FirearmTrace;
import org.armstrace.tracing.TraceRequestQueries;
import org.armstrace.tracing.TraceRequestQueries.TraceOutcome;
import org.armstrace.tracing.TracingEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The counts of seizures the dashboard and the map read, kept month by month
 * ({@code analysis_month}: by region and agency, and summed over all of them) so that a
 * period of years over millions of seizures is summed from a few thousand rows. Every
 * ledger write that changes a month's counts marks the month changed in its own
 * transaction; a month is read from the kept rows only while nothing changed it since it
 * was counted, otherwise (and for the part-months at the ends of a period) from the
 * records themselves, so the answer always equals the records. The changed months are
 * counted again in the background.
 */
@Service
public class MonthlyCounts {

	private static final Logger log = LoggerFactory.getLogger(MonthlyCounts.class);

	/** The established SDG 16.4.2 firearms: a group of {@link Dimension#TRACEABILITY}. */
	static final String ESTABLISHED = "ESTABLISHED";

	private final SeizureStatistics seizures;

	private final TraceRequestQueries traces;

	private final JdbcClient jdbc;

	private final CommandKernel kernel;

	private final TransactionTemplate transactions;

	private final JdbcTemplate batches;

	/** Whether the months seized before any was kept have been listed to be counted. */
	private final AtomicBoolean listed = new AtomicBoolean();

	MonthlyCounts(SeizureStatistics seizures, TraceRequestQueries traces, JdbcClient jdbc, CommandKernel kernel,
			TransactionTemplate transactions, JdbcTemplate batches) {
		this.batches = batches;
		this.seizures = seizures;
		this.traces = traces;
		this.jdbc = jdbc;
		this.kernel = kernel;
		this.transactions = transactions;
	}

	/**
	 * Every count of the filter, in every dimension, with the established firearms of SDG
	 * 16.4.2: the whole months counted and unchanged since from {@code analysis_month},
	 * the rest from the records.
	 */
	@Transactional(readOnly = true)
	public List<Count> counts(Filter f) {
		YearMonth first = YearMonth.from(f.from());
		YearMonth last = YearMonth.from(f.to());
		Set<YearMonth> kept = new HashSet<>(jdbc.sql(
				"SELECT seized_month FROM analysis_month_state WHERE counted = changes AND seized_month BETWEEN ? AND ?")
			.params(first.atDay(1), last.atDay(1))
			.query((rs, n) -> YearMonth.from(rs.getObject(1, LocalDate.class)))
			.list());
		// a month at either end is kept only if the period covers it whole
		if (!f.from().equals(first.atDay(1))) {
			kept.remove(first);
		}
		if (!f.to().equals(last.atEndOfMonth())) {
			kept.remove(last);
		}
		List<Count> counts = new ArrayList<>(kept(f, kept));
		LocalDate start = null;
		for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
			LocalDate from = m.equals(first) ? f.from() : m.atDay(1);
			LocalDate to = m.equals(last) ? f.to() : m.atEndOfMonth();
			if (kept.contains(m)) {
				if (start != null) {
					counts.addAll(fromRecords(f.during(start, from.minusDays(1))));
					start = null;
				}
			}
			else if (start == null) {
				start = from;
			}
			if (m.equals(last) && start != null) {
				counts.addAll(fromRecords(f.during(start, to)));
			}
		}
		return counts;
	}

	/**
	 * The kept counts of these months, summed in the database over the regions and
	 * agencies the filter takes (a region and an agency come back empty). A month found
	 * current a moment ago is read as it was counted even if a write changes it
	 * meanwhile: the answer is then the records as they were an instant before that
	 * write.
	 */
	private List<Count> kept(Filter f, Set<YearMonth> months) {
		if (months.isEmpty()) {
			return List.of();
		}
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder("SELECT a.seized_month, a.country, a.dimension, a.grp, SUM(a.seizures), "
				+ "SUM(a.firearms), SUM(a.parts), SUM(a.ammunition) FROM analysis_month a "
				+ "WHERE a.all_places = ? AND a.seized_month BETWEEN ? AND ?");
		boolean everywhere = (f.region() == null || f.region().isBlank())
				&& (f.agency() == null || f.agency().isBlank());
		params.add(everywhere);
		params.add(YearMonth.from(f.from()).atDay(1));
		params.add(YearMonth.from(f.to()).atDay(1));
		if (f.region() != null && !f.region().isBlank()) {
			sql.append(" AND a.region = ?");
			params.add(f.region().trim());
		}
		if (f.agency() != null && !f.agency().isBlank()) {
			sql.append(" AND a.agency = ?");
			params.add(f.agency().trim());
		}
		sql.append(" GROUP BY a.seized_month, a.country, a.dimension, a.grp");
		return jdbc.sql(sql.toString())
			.params(params)
			.query((rs, n) -> new Count(YearMonth.from(rs.getObject(1, LocalDate.class)), "", "", rs.getString(2),
					Dimension.valueOf(rs.getString(3)), rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7),
					rs.getLong(8)))
			.stream()
			.filter(c -> months.contains(c.month()))
			.toList();
	}

	/** The counts of the filter from the records, established firearms included. */
	private List<Count> fromRecords(Filter f) {
		List<Count> counts = new ArrayList<>(seizures.counts(f));
		List<FirearmTrace> traced = seizures.firearmTraces(f);
		Set<UUID> identified = new HashSet<>();
		for (TraceOutcome o : traces.outcomesOf(traced.stream().map(FirearmTrace::traceRequestId).toList())) {
			if (o.answeredOn() != null && o.identified()) {
				identified.add(o.id());
			}
		}
		Map<List<Object>, Long> established = new HashMap<>();
		for (FirearmTrace t : traced) {
			if (identified.contains(t.traceRequestId())) {
				established.merge(List.of(t.month(), t.region(), t.agency(), ""), 1L, Long::sum);
			}
		}
		established.forEach((k, n) -> counts.add(new Count((YearMonth) k.get(0), (String) k.get(1), (String) k.get(2),
				(String) k.get(3), Dimension.TRACEABILITY, ESTABLISHED, 0, n, 0, 0)));
		return counts;
	}

	/**
	 * Marks changed, in the writer's transaction, every month whose counts the appended
	 * events change: a seizure, its items and their recovery steps, and the answers of
	 * the trace requests of seized items.
	 */
	@EventListener
	void onAppended(Appended appended) {
		Set<YearMonth> months = new LinkedHashSet<>();
		List<UUID> seizureIds = new ArrayList<>();
		List<UUID> itemIds = new ArrayList<>();
		List<UUID> traceRequestIds = new ArrayList<>();
		for (var event : appended.events()) {
			switch (event) {
				case SeizureEvent.SeizureRecorded e -> months.add(YearMonth.from(e.seizedOn()));
				case SeizureEvent.ItemSeized e -> seizureIds.add(e.seizureId());
				case SeizureEvent.RecoveryStepRecorded e -> itemIds.add(e.itemId());
				case TracingEvent.TraceCandidateConfirmed e -> traceRequestIds.add(e.traceRequestId());
				case TracingEvent.TraceRequestUnresolved e -> traceRequestIds.add(e.traceRequestId());
				case TracingEvent.TraceRequestAnswered e -> traceRequestIds.add(e.traceRequestId());
				default -> {
				}
			}
		}
		if (!seizureIds.isEmpty() || !itemIds.isEmpty() || !traceRequestIds.isEmpty()) {
			months.addAll(seizures.monthsOf(seizureIds, itemIds, traceRequestIds));
		}
		months.forEach(this::changed);
	}

	/** A rebuild of the projections may have changed any month: count them all again. */
	@EventListener
	void onRebuilt(ProjectionsRebuilt rebuilt) {
		jdbc.sql("UPDATE analysis_month_state SET counted = NULL").update();
	}

	private void changed(YearMonth month) {
		if (jdbc.sql("UPDATE analysis_month_state SET changes = changes + 1 WHERE seized_month = ?")
			.param(month.atDay(1))
			.update() == 0) {
			jdbc.sql("INSERT INTO analysis_month_state (seized_month, changes) VALUES (?, 1)")
				.param(month.atDay(1))
				.update();
		}
	}

	/**
	 * Counts again every month changed since it was counted (and, once after start, lists
	 * the months seized before any was kept).
	 * @return the months counted
	 */
	@Scheduled(initialDelayString = "${armstrace.analytics.count-after:PT20S}",
			fixedDelayString = "${armstrace.analytics.count-every:PT10S}")
	public int countChangedMonths() {
		if (!listed.get()) {
			listUncountedMonths();
			listed.set(true);
		}
		record Stale(LocalDate month, long changes) {
		}
		List<Stale> stale = jdbc
			.sql("SELECT seized_month, changes FROM analysis_month_state WHERE counted IS NULL OR counted <> changes "
					+ "ORDER BY seized_month")
			.query((rs, n) -> new Stale(rs.getObject(1, LocalDate.class), rs.getLong(2)))
			.list();
		int counted = 0;
		for (Stale s : stale) {
			counted += transactions.execute(status -> count(YearMonth.from(s.month()))) ? 1 : 0;
		}
		if (counted > 0) {
			log.debug("counted {} months of seizures again", counted);
		}
		return counted;
	}

	/**
	 * Counts one month again. Its state row stays locked while it is counted, so that a
	 * writer changing the month waits and marks it changed after, and two instances never
	 * count it at once.
	 */
	private boolean count(YearMonth month) {
		List<Long> changes = jdbc.sql("SELECT changes FROM analysis_month_state WHERE seized_month = ? FOR UPDATE")
			.param(month.atDay(1))
			.query(Long.class)
			.list();
		if (changes.isEmpty()) {
			return false;
		}
		jdbc.sql("DELETE FROM analysis_month WHERE seized_month = ?").param(month.atDay(1)).update();
		List<Count> counts = fromRecords(new Filter(month.atDay(1), month.atEndOfMonth(), null, null));
		// the same summed over every region and agency: what most periods read
		Map<List<Object>, long[]> everywhere = new HashMap<>();
		for (Count c : counts) {
			long[] sum = everywhere.computeIfAbsent(List.of(c.country(), c.dimension(), c.group()), k -> new long[4]);
			sum[0] += c.seizures();
			sum[1] += c.firearms();
			sum[2] += c.parts();
			sum[3] += c.ammunition();
		}
		List<Object[]> rows = new ArrayList<>();
		counts.forEach(c -> rows.add(new Object[] { month.atDay(1), false, c.region(), c.agency(), c.country(),
				c.dimension().name(), c.group(), c.seizures(), c.firearms(), c.parts(), c.ammunition() }));
		everywhere.forEach((k, sum) -> rows.add(new Object[] { month.atDay(1), true, "", "", k.get(0),
				((Dimension) k.get(1)).name(), k.get(2), sum[0], sum[1], sum[2], sum[3] }));
		batches.batchUpdate("INSERT INTO analysis_month (seized_month, all_places, region, agency, country, dimension, "
				+ "grp, seizures, firearms, parts, ammunition) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
		jdbc.sql("UPDATE analysis_month_state SET counted = ? WHERE seized_month = ?")
			.params(changes.getFirst(), month.atDay(1))
			.update();
		return true;
	}

	/**
	 * Lists to be counted the months seized before this instance kept counts (an upgraded
	 * database), under the ledger's append lock so that no writer lists one at the same
	 * time.
	 */
	private void listUncountedMonths() {
		List<YearMonth> seized = seizures.months();
		kernel.underAppendLock(() -> {
			Set<LocalDate> listed = new HashSet<>(
					jdbc.sql("SELECT seized_month FROM analysis_month_state").query(LocalDate.class).list());
			seized.stream()
				.map(m -> m.atDay(1))
				.filter(m -> !listed.contains(m))
				.forEach(m -> jdbc.sql("INSERT INTO analysis_month_state (seized_month, changes) VALUES (?, 0)")
					.param(m)
					.update());
		});
	}

}
