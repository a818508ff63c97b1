package org.armstrace.tracing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.armstrace.registry.RegistryQueries;
import org.armstrace.tracing.TracingEvent.TraceRequestAnswered;
import org.armstrace.command.LikePatterns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.fasterxml.jackson.annotation.JsonProperty;
import tools.jackson.databind.json.JsonMapper;

/**
 * Trace requests and investigation cases as officers read them: one request, lists,
 * counts, a case.
 */
@Service
public class TraceRequestQueries {

	public record TraceRequestSummary(UUID id, String reference, String caseReference, TraceRequestState state,
			TracePriority priority, String observedSerial, LocalDate openedOn, LocalDate dueOn, boolean overdue,
			String unit, UUID firearmId, String recordNumber) {
	}

	public record TraceRequestView(UUID id, String reference, UUID caseId, String caseReference,
			TraceRequestState state, TracePriority priority, String urgentReason, ObservedMarkings observed,
			LocalDate recoveredOn, String recoveredCountry, String recoveredPlace, String seizureReference,
			String circumstances, LocalDate openedOn, LocalDate dueOn, boolean overdue, String unit, UUID firearmId,
			String recordNumber, Double confirmedScore, String confirmedBand, String unresolvedReason,
			TraceRequestAnswered answer, LocalDate closedOn, String closingNote, String openedBy) {
	}

	/**
	 * A retail dealer's answered traces since a date: all of them, and those whose time
	 * to crime was under a number of days.
	 */
	public record DealerTraces(UUID dealerId, long traces, long shortTraces) {
	}

	/** How many trace requests named each firearm, for firearms traced at least once. */
	public record FirearmTraces(UUID firearmId, long traces) {
	}

	public record CasePerson(UUID personId, String name, String nationality, String role) {
	}

	public record CaseWeapon(UUID firearmId, String recordNumber) {
	}

	/**
	 * Money in a case: kind, amount (in the currency's minor units), currency, date, and
	 * the account, counterparty and description kept off the ledger.
	 */
	public record CaseMoney(UUID entryId, String kind, Long amountMinor, String currency, LocalDate occurredOn,
			String account, String counterparty, String description) {

		/** The amount as written, e.g. 12500.00. */
		@JsonProperty("amount")
		public String amount() {
			return amountMinor == null ? null : BigDecimal.valueOf(amountMinor, 2).toPlainString();
		}

	}

	public record InvestigationCase(UUID id, String reference, LocalDate openedOn, List<TraceRequestSummary> traces,
			List<CaseWeapon> weapons, List<CasePerson> persons, List<CaseMoney> money,
			List<TraceRequestSummary> relatedTraces) {
	}

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final RegistryQueries registry;

	TraceRequestQueries(JdbcClient jdbc, JsonMapper json, RegistryQueries registry) {
		this.jdbc = jdbc;
		this.json = json;
		this.registry = registry;
	}

	Optional<TraceRequestState> state(UUID id) {
		return jdbc.sql("SELECT state FROM trace_request WHERE id = ?")
			.param(id)
			.query(String.class)
			.optional()
			.map(TraceRequestState::valueOf);
	}

	Optional<UUID> caseId(String reference) {
		return jdbc.sql("SELECT id FROM investigation_case WHERE reference = ?")
			.param(reference)
			.query(UUID.class)
			.optional();
	}

	ObservedMarkings observed(UUID id) {
		return json.readValue(
				jdbc.sql("SELECT observed FROM trace_request WHERE id = ?").param(id).query(String.class).single(),
				ObservedMarkings.class);
	}

	/**
	 * A trace request as the dashboards count it: its state and dates, whether a record
	 * was identified (a firearm confirmed and not unresolved), its time to crime and the
	 * retail dealer that last sold the firearm.
	 */
	public record TraceOutcome(UUID id, TraceRequestState state, LocalDate openedOn, LocalDate dueOn,
			LocalDate answeredOn, boolean identified, Long timeToCrimeDays, UUID retailDealerId) {
	}

	/**
	 * The trace requests opened in a period as the dashboard counts them, grouped in the
	 * database: by state, by time to crime (bins below each bound of {@code bins}, the
	 * last open), answered and identified ones with the median days to answer, those
	 * awaiting an answer and overdue, and the points of diversion most named.
	 */
	public record TraceStatistics(Map<TraceRequestState, Long> byState, long[] timeToCrime, long answered,
			long identified, Double medianDaysToAnswer, long awaiting, long overdue, List<Named> retailDealers,
			List<Named> lastHolders, List<Named> exports) {
	}

	/** A point of diversion and the trace requests naming it. */
	public record Named(String key, long traces) {
	}

	@Transactional(readOnly = true)
	public TraceStatistics statistics(LocalDate from, LocalDate to, LocalDate today, long[] bins, int top) {
		String period = " FROM trace_request WHERE opened_on BETWEEN ? AND ?";
		Map<TraceRequestState, Long> byState = new EnumMap<>(TraceRequestState.class);
		for (TraceRequestState state : TraceRequestState.values()) {
			byState.put(state, 0L);
		}
		StringBuilder bin = new StringBuilder("CASE WHEN time_to_crime_days IS NULL OR time_to_crime_days < 0 THEN -1");
		for (int i = 0; i < bins.length; i++) {
			bin.append(" WHEN time_to_crime_days < ").append(bins[i]).append(" THEN ").append(i);
		}
		bin.append(" ELSE ").append(bins.length).append(" END");
		String awaiting = "answered_on IS NULL AND state IN ('OPEN', 'CONFIRMED', 'UNRESOLVED')";
		long[] timeToCrime = new long[bins.length + 1];
		long[] counts = new long[4];
		// one pass: by state and time to crime, with the answered, identified, awaiting
		// and overdue among them
		jdbc.sql("SELECT state, b, COUNT(*), SUM(a), SUM(i), SUM(w), SUM(o) FROM (SELECT state, " + bin + " AS b, "
				+ "CASE WHEN answered_on IS NOT NULL THEN 1 ELSE 0 END AS a, CASE WHEN answered_on IS NOT NULL "
				+ "AND firearm_id IS NOT NULL AND unresolved_reason IS NULL THEN 1 ELSE 0 END AS i, CASE WHEN "
				+ awaiting + " THEN 1 ELSE 0 END AS w, CASE WHEN " + awaiting + " AND due_on < ? THEN 1 ELSE 0 END "
				+ "AS o" + period + ") t GROUP BY state, b")
			.params(today, from, to)
			.query(rs -> {
				byState.merge(TraceRequestState.valueOf(rs.getString(1)), rs.getLong(3), Long::sum);
				if (rs.getInt(2) >= 0) {
					timeToCrime[rs.getInt(2)] += rs.getLong(3);
				}
				for (int c = 0; c < 4; c++) {
					counts[c] += rs.getLong(4 + c);
				}
			});
		// the median from the days' histogram: a few hundred rows whatever the period
		List<long[]> days = jdbc
			.sql("SELECT days_to_answer, COUNT(*)" + period
					+ " AND answered_on IS NOT NULL AND days_to_answer IS NOT NULL GROUP BY days_to_answer "
					+ "ORDER BY days_to_answer")
			.params(from, to)
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		return new TraceStatistics(byState, timeToCrime, counts[0], counts[1], median(days), counts[2], counts[3],
				top("SELECT CAST(retail_dealer_id AS VARCHAR(36)), COUNT(*)" + period
						+ " AND retail_dealer_id IS NOT NULL GROUP BY retail_dealer_id", from, to, top),
				top("SELECT last_holder_role || ' ' || CAST(last_holder_id AS VARCHAR(36)), COUNT(*)" + period
						+ " AND last_holder_id IS NOT NULL AND (retail_dealer_id IS NULL OR last_holder_id <> "
						+ "retail_dealer_id) GROUP BY last_holder_role, last_holder_id", from, to, top),
				top("SELECT diversion_value, COUNT(*)" + period + " AND diversion_fact IN ('EXPORTED', "
						+ "'EXPORTED_THROUGH') AND diversion_value IS NOT NULL GROUP BY diversion_value", from, to,
						top));
	}

	private List<Named> top(String grouped, LocalDate from, LocalDate to, int top) {
		return jdbc.sql(grouped + " ORDER BY COUNT(*) DESC, 1 FETCH FIRST " + top + " ROWS ONLY")
			.params(from, to)
			.query((rs, n) -> new Named(rs.getString(1), rs.getLong(2)))
			.list();
	}

	/** The median of a histogram of (value, count) sorted by value; null when empty. */
	static Double median(List<long[]> histogram) {
		long total = histogram.stream().mapToLong(h -> h[1]).sum();
		if (total == 0) {
			return null;
		}
		// the values at positions (total - 1) / 2 and total / 2, counting from 0
		long low = (total - 1) / 2;
		long high = total / 2;
		Long lowValue = null;
		long seen = 0;
		for (long[] h : histogram) {
			seen += h[1];
			if (lowValue == null && seen > low) {
				lowValue = h[0];
			}
			if (seen > high) {
				return (lowValue + h[0]) / 2.0;
			}
		}
		throw new IllegalStateException("unreachable: the histogram holds " + total);
	}

	/** These trace requests, as the dashboards count them. */
	@Transactional(readOnly = true)
	public List<TraceOutcome> outcomesOf(Collection<UUID> ids) {
		// one array, not lists of ids: PostgreSQL answers an export's tens of thousands
		// in
		// one pass over the table (measured: 0.1 s for 41,000 where lists of 500 took 0.5
		// s)
		return jdbc.sql(OUTCOME + " WHERE id = ANY(?)")
			.param(ids.toArray(UUID[]::new))
			.query(TraceRequestQueries::outcome)
			.list();
	}

	private static final String OUTCOME = "SELECT id, state, opened_on, due_on, answered_on, firearm_id, "
			+ "unresolved_reason, time_to_crime_days, retail_dealer_id FROM trace_request";

	/**
	 * By column position, in {@link #OUTCOME}'s order: an export reads tens of thousands.
	 */
	private static TraceOutcome outcome(ResultSet rs, int n) throws SQLException {
		Long ttc = rs.getObject(8, Long.class);
		return new TraceOutcome(rs.getObject(1, UUID.class), TraceRequestState.valueOf(rs.getString(2)),
				rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class),
				rs.getObject(6) != null && rs.getString(7) == null, ttc, rs.getObject(9, UUID.class));
	}

	/**
	 * Answered traces by the retail dealer that last sold the firearm, answered on or
	 * after {@code since}; a short one's time to crime is under {@code shortDays}.
	 */
	@Transactional(readOnly = true)
	public List<DealerTraces> tracesByRetailDealer(LocalDate since, long shortDays) {
		return jdbc
			.sql("SELECT retail_dealer_id, COUNT(DISTINCT firearm_id), COUNT(DISTINCT CASE WHEN time_to_crime_days < ? "
					+ "THEN firearm_id END) FROM trace_request WHERE retail_dealer_id IS NOT NULL "
					+ "AND state IN ('ANSWERED', 'CLOSED') AND answered_on >= ? GROUP BY retail_dealer_id")
			.params(shortDays, since)
			.query((rs, n) -> new DealerTraces(rs.getObject(1, UUID.class), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	/**
	 * Firearms named by trace requests opened on or after {@code since}, with how many.
	 */
	@Transactional(readOnly = true)
	public List<FirearmTraces> tracesByFirearm(LocalDate since) {
		return jdbc
			.sql("SELECT firearm_id, COUNT(*) FROM trace_request WHERE firearm_id IS NOT NULL AND opened_on >= ? "
					+ "GROUP BY firearm_id")
			.params(since)
			.query((rs, n) -> new FirearmTraces(rs.getObject(1, UUID.class), rs.getLong(2)))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<TraceRequestView> find(UUID id) {
		LocalDate today = LocalDate.now();
		return jdbc
			.sql("SELECT t.*, c.reference AS case_reference, s.circumstances FROM trace_request t "
					+ "JOIN investigation_case c ON c.id = t.case_id "
					+ "LEFT JOIN trace_request_circumstances s ON s.trace_request_id = t.id WHERE t.id = ?")
			.param(id)
			.query((rs, n) -> {
				TraceRequestState state = TraceRequestState.valueOf(rs.getString("state"));
				LocalDate due = rs.getObject("due_on", LocalDate.class);
				UUID firearm = rs.getObject("firearm_id", UUID.class);
				String answer = rs.getString("answer");
				return new TraceRequestView(id, rs.getString("reference"), rs.getObject("case_id", UUID.class),
						rs.getString("case_reference"), state, TracePriority.valueOf(rs.getString("priority")),
						rs.getString("urgent_reason"), json.readValue(rs.getString("observed"), ObservedMarkings.class),
						rs.getObject("recovered_on", LocalDate.class), rs.getString("recovered_country"),
						rs.getString("recovered_place"), rs.getString("seizure_reference"),
						rs.getString("circumstances"), rs.getObject("opened_on", LocalDate.class), due,
						state.awaitsAnswer() && due.isBefore(today), rs.getString("unit"), firearm,
						firearm == null ? null : registry.recordNumber(firearm).orElse(null),
						(Double) rs.getObject("confirmed_score"), rs.getString("confirmed_band"),
						rs.getString("unresolved_reason"),
						answer == null ? null : json.readValue(answer, TraceRequestAnswered.class),
						rs.getObject("closed_on", LocalDate.class), rs.getString("closing_note"),
						rs.getString("opened_by"));
			})
			.optional();
	}

	@Transactional(readOnly = true)
	public Optional<UUID> idByReference(String reference) {
		return jdbc.sql("SELECT id FROM trace_request WHERE reference = ?")
			.param(reference)
			.query(UUID.class)
			.optional();
	}

	/**
	 * Trace requests, newest first; {@code state} and {@code overdueOnly} narrow the
	 * list.
	 */
	@Transactional(readOnly = true)
	public List<TraceRequestSummary> list(TraceRequestState state, boolean overdueOnly, int limit) {
		LocalDate today = LocalDate.now();
		StringBuilder sql = new StringBuilder("SELECT t.*, c.reference AS case_reference FROM trace_request t "
				+ "JOIN investigation_case c ON c.id = t.case_id WHERE 1 = 1");
		List<Object> params = new ArrayList<>();
		if (state != null) {
			sql.append(" AND t.state = ?");
			params.add(state.name());
		}
		if (overdueOnly) {
			sql.append(" AND t.state IN ('OPEN', 'CONFIRMED', 'UNRESOLVED') AND t.due_on < ?");
			params.add(today);
		}
		sql.append(overdueOnly ? " ORDER BY t.due_on, t.reference" : " ORDER BY t.opened_seq DESC");
		sql.append(" FETCH FIRST ").append(Math.max(1, Math.min(limit, 1000))).append(" ROWS ONLY");
		return jdbc.sql(sql.toString()).params(params).query((rs, n) -> summary(rs, today)).list();
	}

	private TraceRequestSummary summary(ResultSet rs, LocalDate today) throws SQLException {
		TraceRequestState state = TraceRequestState.valueOf(rs.getString("state"));
		LocalDate due = rs.getObject("due_on", LocalDate.class);
		UUID firearm = rs.getObject("firearm_id", UUID.class);
		return new TraceRequestSummary(rs.getObject("id", UUID.class), rs.getString("reference"),
				rs.getString("case_reference"), state, TracePriority.valueOf(rs.getString("priority")),
				rs.getString("observed_serial"), rs.getObject("opened_on", LocalDate.class), due,
				state.awaitsAnswer() && due.isBefore(today), rs.getString("unit"), firearm,
				firearm == null ? null : registry.recordNumber(firearm).orElse(null));
	}

	@Transactional(readOnly = true)
	public long overdueCount() {
		return jdbc
			.sql("SELECT COUNT(*) FROM trace_request WHERE state IN ('OPEN', 'CONFIRMED', 'UNRESOLVED') "
					+ "AND due_on < ?")
			.param(LocalDate.now())
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	public long awaitingAnswerCount() {
		return jdbc.sql("SELECT COUNT(*) FROM trace_request WHERE state IN ('OPEN', 'CONFIRMED', 'UNRESOLVED')")
			.query(Long.class)
			.single();
	}

	/** A person named in an investigation case, with the case. */
	public record NamedInCase(UUID personId, String name, String nationality, String role, String caseReference) {
	}

	/** A weapon named in a case or traced by a trace request: the reference of either. */
	public record WeaponIn(UUID firearmId, String reference) {
	}

	/**
	 * Persons named in investigation cases whose name holds the text, in any case:
	 * personal data, for a reader who stated a purpose.
	 */
	@Transactional(readOnly = true)
	public List<NamedInCase> casePersonsNamed(String text, int limit) {
		return jdbc
			.sql("SELECT s.subject_id, p.name, p.nationality, s.role, c.reference FROM case_subject s "
					+ "JOIN case_person_identity p ON p.person_id = s.subject_id JOIN investigation_case c "
					+ "ON c.id = s.case_id WHERE s.kind = 'PERSON' AND LOWER(p.name) LIKE ? ESCAPE '!' "
					+ "ORDER BY p.name, c.reference FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
			.param(LikePatterns.containing(text))
			.query((rs, n) -> new NamedInCase(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getString(5)))
			.list();
	}

	/** The investigation cases that name these weapons, by reference. */
	@Transactional(readOnly = true)
	public List<WeaponIn> casesOfWeapons(Collection<UUID> firearmIds) {
		return weaponsIn("SELECT s.subject_id, c.reference FROM case_subject s JOIN investigation_case c "
				+ "ON c.id = s.case_id WHERE s.kind = 'WEAPON' AND s.subject_id = ANY(?)", firearmIds);
	}

	/** The trace requests that identified these weapons, by reference. */
	@Transactional(readOnly = true)
	public List<WeaponIn> tracesOfWeapons(Collection<UUID> firearmIds) {
		return weaponsIn("SELECT firearm_id, reference FROM trace_request WHERE firearm_id = ANY(?)", firearmIds);
	}

	/** {@code sql} with one parameter, {@code = ANY(?)}: every id in one array. */
	private List<WeaponIn> weaponsIn(String sql, Collection<UUID> firearmIds) {
		return jdbc.sql(sql)
			.param(firearmIds.toArray(UUID[]::new))
			.query((rs, n) -> new WeaponIn(rs.getObject(1, UUID.class), rs.getString(2)))
			.list();
	}

	/**
	 * The case with its traces, weapons and persons, and other traces of the same weapons
	 * outside it.
	 */
	@Transactional(readOnly = true)
	public Optional<InvestigationCase> investigationCase(String reference) {
		LocalDate today = LocalDate.now();
		return jdbc.sql("SELECT id, opened_on FROM investigation_case WHERE reference = ?")
			.param(reference)
			.query((rs,
					n) -> new Object[] { rs.getObject("id", UUID.class), rs.getObject("opened_on", LocalDate.class) })
			.optional()
			.map(row -> {
				UUID id = (UUID) row[0];
				List<TraceRequestSummary> traces = jdbc
					.sql("SELECT t.*, c.reference AS case_reference FROM "
							+ "trace_request t JOIN investigation_case c ON c.id = t.case_id WHERE t.case_id = ? "
							+ "ORDER BY t.opened_seq")
					.param(id)
					.query((rs, n) -> summary(rs, today))
					.list();
				List<CaseWeapon> weapons = jdbc
					.sql("SELECT subject_id FROM case_subject WHERE case_id = ? AND kind = "
							+ "'WEAPON' ORDER BY subject_id")
					.param(id)
					.query(UUID.class)
					.list()
					.stream()
					.map(f -> new CaseWeapon(f, registry.recordNumber(f).orElse(null)))
					.toList();
				List<CasePerson> persons = jdbc
					.sql("SELECT s.subject_id, s.role, p.name, p.nationality FROM "
							+ "case_subject s LEFT JOIN case_person_identity p ON p.person_id = s.subject_id "
							+ "WHERE s.case_id = ? AND s.kind = 'PERSON' ORDER BY p.name")
					.param(id)
					.query((rs, n) -> new CasePerson(rs.getObject("subject_id", UUID.class), rs.getString("name"),
							rs.getString("nationality"), rs.getString("role")))
					.list();
				List<TraceRequestSummary> related = weapons.isEmpty() ? List.of()
						: jdbc.sql("SELECT t.*, "
								+ "c.reference AS case_reference FROM trace_request t JOIN investigation_case c ON "
								+ "c.id = t.case_id WHERE t.case_id <> ? AND t.firearm_id IN (SELECT subject_id FROM "
								+ "case_subject WHERE case_id = ? AND kind = 'WEAPON') ORDER BY t.opened_seq")
							.params(id, id)
							.query((rs, n) -> summary(rs, today))
							.list();
				List<CaseMoney> money = jdbc
					.sql("SELECT f.entry_id, f.kind, f.amount_minor, f.currency, f.occurred_on, d.account, "
							+ "d.counterparty, d.description FROM case_financial f LEFT JOIN case_financial_detail d "
							+ "ON d.entry_id = f.entry_id WHERE f.case_id = ? ORDER BY CASE WHEN f.occurred_on IS NULL THEN 1 ELSE 0 END, "
							+ "f.occurred_on, f.last_seq")
					.param(id)
					.query((rs, n) -> new CaseMoney(rs.getObject(1, UUID.class), rs.getString(2),
							rs.getObject(3) == null ? null : rs.getLong(3), rs.getString(4),
							rs.getObject(5, LocalDate.class), rs.getString(6), rs.getString(7), rs.getString(8)))
					.list();
				return new InvestigationCase(id, reference, (LocalDate) row[1], traces, weapons, persons, money,
						related);
			});
	}

}
