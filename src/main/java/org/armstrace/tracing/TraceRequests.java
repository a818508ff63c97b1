package org.armstrace.tracing;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.LedgerEntry;
import org.armstrace.reference.CountryCode;
import org.armstrace.registry.CommandResult;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.registry.Violation;
import org.armstrace.tracing.TracingEvent.CasePersonAdded;
import org.armstrace.tracing.TracingEvent.InvestigationCaseOpened;
import org.armstrace.tracing.TracingEvent.TraceCandidateConfirmed;
import org.armstrace.tracing.TracingEvent.TraceRequestAnswered;
import org.armstrace.tracing.TracingEvent.TraceRequestAssigned;
import org.armstrace.tracing.TracingEvent.TraceRequestClosed;
import org.armstrace.tracing.TracingEvent.TraceRequestOpened;
import org.armstrace.tracing.TracingEvent.TraceRequestUnresolved;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Trace requests, each a crime notice that opens (or joins) an investigation case: open, candidate confirmed or
 * unresolved, answered with the chain frozen into it, closed. Every step is one transaction: its ledger entry and
 * the tables together, or neither; a step the request's state does not allow is refused with the rule it broke.
 */
@Service
public class TraceRequests {

	/** What an officer gives to open a trace request. Only the observed markings and the priority are required. */
	public record OpenTraceRequest(ObservedMarkings observed, TracePriority priority, String urgentReason,
			LocalDate receivedOn, LocalDate recoveredOn, String recoveredCountry, String recoveredPlace,
			String circumstances, String seizureReference, String unit, String caseReference, UUID firearmId) {
	}

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

	public record CasePerson(UUID personId, String name, String nationality, String role) {
	}

	public record CaseWeapon(UUID firearmId, String recordNumber) {
	}

	public record InvestigationCase(UUID id, String reference, LocalDate openedOn, List<TraceRequestSummary> traces,
			List<CaseWeapon> weapons, List<CasePerson> persons, List<TraceRequestSummary> relatedTraces) {
	}

	private final Ledger ledger;

	private final TraceRequestProjection projection;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final RegistryQueries registry;

	private final CustodyChains chains;

	private final Tracing tracing;

	private final Period routineDue;

	private final Period urgentDue;

	TraceRequests(Ledger ledger, TraceRequestProjection projection, JdbcClient jdbc, TransactionTemplate transactions,
			JsonMapper json, RegistryQueries registry, CustodyChains chains, Tracing tracing,
			@Value("${armstrace.tracing.due.routine:P30D}") Period routineDue,
			@Value("${armstrace.tracing.due.urgent:P2D}") Period urgentDue) {
		this.ledger = ledger;
		this.projection = projection;
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.json = json;
		this.registry = registry;
		this.chains = chains;
		this.tracing = tracing;
		this.routineDue = routineDue;
		this.urgentDue = urgentDue;
	}

	public Period dueAfter(TracePriority priority) {
		return priority == TracePriority.URGENT ? urgentDue : routineDue;
	}

	// Commands

	public CommandResult open(OpenTraceRequest request, String actor, String clientKey) {
		return transactions.execute(status -> {
			ledger.lockForAppend();
			if (clientKey != null) {
				Optional<UUID> earlier = jdbc.sql("SELECT id FROM trace_request WHERE client_key = ?").param(clientKey)
					.query(UUID.class).optional();
				if (earlier.isPresent()) {
					return new CommandResult.Accepted(earlier.get(), List.of(), true);
				}
			}
			List<Violation> violations = check(request);
			if (!violations.isEmpty()) {
				return new CommandResult.Rejected(violations);
			}
			LocalDate today = LocalDate.now();
			LocalDate received = request.receivedOn() == null ? today : request.receivedOn();
			List<TracingEvent> events = new ArrayList<>();
			UUID caseId;
			if (blank(request.caseReference())) {
				caseId = UUID.randomUUID();
				events.add(new InvestigationCaseOpened(caseId, nextReference("IC", "investigation_case", received),
						received));
			}
			else {
				caseId = jdbc.sql("SELECT id FROM investigation_case WHERE reference = ?")
					.param(request.caseReference().trim()).query(UUID.class).single();
			}
			UUID id = UUID.randomUUID();
			events.add(new TraceRequestOpened(id, nextReference("TR", "trace_request", received), caseId,
					request.observed(), request.priority(), trimmed(request.urgentReason()), request.recoveredOn(),
					upper(request.recoveredCountry()), trimmed(request.recoveredPlace()),
					trimmed(request.seizureReference()), trimmed(request.unit()), received,
					received.plus(dueAfter(request.priority()))));
			if (request.firearmId() != null) {
				Candidate fit = fitOf(request.observed(), request.firearmId());
				events.add(new TraceCandidateConfirmed(id, request.firearmId(), fit == null ? 0 : fit.score(),
						fit == null ? Candidate.Band.POSSIBLE : fit.band()));
			}
			List<Long> seqs = append(actor, events);
			if (!blank(request.circumstances())) {
				jdbc.sql("INSERT INTO trace_request_circumstances (trace_request_id, circumstances) VALUES (?, ?)")
					.params(id, request.circumstances().trim()).update();
			}
			if (clientKey != null) {
				jdbc.sql("UPDATE trace_request SET client_key = ? WHERE id = ?").params(clientKey, id).update();
			}
			return new CommandResult.Accepted(id, seqs, false);
		});
	}

	public CommandResult assign(UUID id, String unit, String actor) {
		return step(id, actor, state -> {
			if (blank(unit)) {
				return reject("unit", "UnitRequired", "name the unit the trace request is assigned to");
			}
			if (state == TraceRequestState.CLOSED) {
				return reject("state", "NotClosed", "a closed trace request cannot be reassigned");
			}
			return new TraceRequestAssigned(id, unit.trim());
		});
	}

	public CommandResult confirm(UUID id, UUID firearmId, String actor) {
		return step(id, actor, state -> {
			if (firearmId == null) {
				return reject("firearmId", "FirearmRequired", "choose the record the item is");
			}
			if (state != TraceRequestState.OPEN && state != TraceRequestState.UNRESOLVED
					&& state != TraceRequestState.CONFIRMED) {
				return reject("state", "ConfirmWhileUnanswered", "a candidate can be confirmed only before the "
						+ "request is answered; it is " + state);
			}
			if (registry.recordNumber(firearmId).isEmpty()) {
				return reject("firearmId", "FirearmMustExist", "no firearm " + firearmId + " on the record");
			}
			Candidate fit = fitOf(observed(id), firearmId);
			return new TraceCandidateConfirmed(id, firearmId, fit == null ? 0 : fit.score(),
					fit == null ? Candidate.Band.POSSIBLE : fit.band());
		});
	}

	public CommandResult unresolved(UUID id, String reason, String actor) {
		return step(id, actor, state -> {
			if (blank(reason)) {
				return reject("reason", "ReasonRequired", "say why no record could be found (e.g. markings "
						+ "obliterated, not registered)");
			}
			if (state != TraceRequestState.OPEN && state != TraceRequestState.CONFIRMED) {
				return reject("state", "UnresolvedWhileOpen", "only an open or confirmed request can be marked "
						+ "unresolved; it is " + state);
			}
			return new TraceRequestUnresolved(id, reason.trim());
		});
	}

	/** Freezes the answer: the confirmed record's chain of custody and flags, or the unresolved reason. */
	public CommandResult answer(UUID id, String actor) {
		return step(id, actor, state -> {
			if (state != TraceRequestState.CONFIRMED && state != TraceRequestState.UNRESOLVED) {
				return reject("state", "AnswerAfterConfirmation", "confirm a candidate or mark the request "
						+ "unresolved before answering; it is " + state);
			}
			TraceRequestView view = find(id).orElseThrow();
			LocalDate today = LocalDate.now();
			if (state == TraceRequestState.UNRESOLVED) {
				return new TraceRequestAnswered(id, today, null, view.unresolvedReason());
			}
			CustodyChain chain = chains.of(view.firearmId(), view.observed(), view.recoveredOn()).orElseThrow();
			return new TraceRequestAnswered(id, today, chain, null);
		});
	}

	public CommandResult close(UUID id, String note, String actor) {
		return step(id, actor, state -> {
			if (state != TraceRequestState.ANSWERED && state != TraceRequestState.UNRESOLVED) {
				return reject("state", "CloseWhenAnsweredOrUnresolved", "only an answered request, or one "
						+ "unresolved with its reason, can be closed; it is " + state);
			}
			return new TraceRequestClosed(id, LocalDate.now(), trimmed(note));
		});
	}

	/** Gathers a person into a case: the name and nationality stay in this database, off the ledger. */
	public CommandResult addPerson(String caseReference, String name, String nationality, String role, String actor) {
		return transactions.execute(status -> {
			ledger.lockForAppend();
			List<Violation> violations = new ArrayList<>();
			Optional<UUID> caseId = blank(caseReference) ? Optional.empty()
					: jdbc.sql("SELECT id FROM investigation_case WHERE reference = ?").param(caseReference.trim())
						.query(UUID.class).optional();
			if (caseId.isEmpty()) {
				violations.add(new Violation("caseReference", "CaseMustExist", "no investigation case '"
						+ caseReference + "'"));
			}
			if (blank(name)) {
				violations.add(new Violation("name", "NameRequired", "give the person's name"));
			}
			if (!blank(nationality) && !CountryCode.isValid(upper(nationality))) {
				violations.add(new Violation("nationality", "CountryCode", "nationality must be an ISO 3166 "
						+ "alpha-3 code, was '" + nationality + "'"));
			}
			if (blank(role)) {
				violations.add(new Violation("role", "RoleRequired", "give the person's role (suspect, owner, "
						+ "courier, witness …)"));
			}
			if (!violations.isEmpty()) {
				return new CommandResult.Rejected(violations);
			}
			UUID personId = UUID.randomUUID();
			List<Long> seqs = append(actor, List.of(new CasePersonAdded(caseId.get(), personId,
					role.trim().toUpperCase())));
			jdbc.sql("INSERT INTO case_person_identity (person_id, name, nationality) VALUES (?, ?, ?)")
				.params(personId, name.trim(), upper(nationality)).update();
			return new CommandResult.Accepted(caseId.get(), seqs, false);
		});
	}

	private interface Step {
		Object decide(TraceRequestState state);
	}

	private CommandResult step(UUID id, String actor, Step step) {
		return transactions.execute(status -> {
			ledger.lockForAppend();
			Optional<TraceRequestState> state = jdbc.sql("SELECT state FROM trace_request WHERE id = ?").param(id)
				.query(String.class).optional().map(TraceRequestState::valueOf);
			if (state.isEmpty()) {
				return new CommandResult.Rejected(List.of(new Violation("traceRequestId", "TraceRequestMustExist",
						"no trace request " + id)));
			}
			Object decided = step.decide(state.get());
			if (decided instanceof CommandResult.Rejected rejected) {
				return rejected;
			}
			return new CommandResult.Accepted(id, append(actor, List.of((TracingEvent) decided)), false);
		});
	}

	private static CommandResult.Rejected reject(String field, String rule, String message) {
		return new CommandResult.Rejected(List.of(new Violation(field, rule, message)));
	}

	private List<Long> append(String actor, List<TracingEvent> events) {
		List<LedgerEntry> entries = ledger.append(actor, events);
		for (int i = 0; i < entries.size(); i++) {
			projection.apply(events.get(i), entries.get(i).seq(), actor);
		}
		return entries.stream().map(LedgerEntry::seq).toList();
	}

	private List<Violation> check(OpenTraceRequest r) {
		List<Violation> v = new ArrayList<>();
		ObservedMarkings o = r.observed();
		if (o == null || (blank(o.serial()) && blank(o.make()) && blank(o.model()))) {
			v.add(new Violation("observed", "ObservedMarkingsRequired", "give what was read on the item: at least "
					+ "a serial (use '?' and '*' for unreadable characters), a make or a model"));
		}
		else if (!blank(o.serial()) && SerialForms.normalise(o.serial()).isEmpty()) {
			v.add(new Violation("observed.serial", "SerialCharacters", "the serial has no letters, digits, '?' or "
					+ "'*'"));
		}
		if (o != null && !blank(o.countryOfManufacture()) && !CountryCode.isValid(upper(o.countryOfManufacture()))) {
			v.add(new Violation("observed.countryOfManufacture", "CountryCode", "country of manufacture must be an "
					+ "ISO 3166 alpha-3 code, was '" + o.countryOfManufacture() + "'"));
		}
		if (r.priority() == null) {
			v.add(new Violation("priority", "PriorityRequired", "priority must be ROUTINE or URGENT"));
		}
		else if (r.priority() == TracePriority.URGENT && blank(r.urgentReason())) {
			v.add(new Violation("urgentReason", "UrgentNeedsReason", "an urgent trace request must say why it is "
					+ "urgent"));
		}
		LocalDate today = LocalDate.now();
		if (r.receivedOn() != null && r.receivedOn().isAfter(today)) {
			v.add(new Violation("receivedOn", "NotInFuture", "the request cannot be received after today"));
		}
		if (r.recoveredOn() != null && r.recoveredOn().isAfter(today)) {
			v.add(new Violation("recoveredOn", "NotInFuture", "the item cannot be recovered after today"));
		}
		if (!blank(r.recoveredCountry()) && !CountryCode.isValid(upper(r.recoveredCountry()))) {
			v.add(new Violation("recoveredCountry", "CountryCode", "country of recovery must be an ISO 3166 alpha-3 "
					+ "code, was '" + r.recoveredCountry() + "'"));
		}
		if (!blank(r.caseReference()) && jdbc.sql("SELECT COUNT(*) FROM investigation_case WHERE reference = ?")
			.param(r.caseReference().trim()).query(Integer.class).single() == 0) {
			v.add(new Violation("caseReference", "CaseMustExist", "no investigation case '" + r.caseReference()
					+ "' to join; leave it empty to open a new case"));
		}
		if (r.firearmId() != null && registry.recordNumber(r.firearmId()).isEmpty()) {
			v.add(new Violation("firearmId", "FirearmMustExist", "no firearm " + r.firearmId() + " on the record"));
		}
		if (r.circumstances() != null && r.circumstances().length() > 4000) {
			v.add(new Violation("circumstances", "MaxLength", "circumstances must be at most 4,000 characters"));
		}
		return v;
	}

	/** How the observed markings fit a record, as the engine scores it (null when the serial is not readable). */
	private Candidate fitOf(ObservedMarkings observed, UUID firearmId) {
		if (observed == null || blank(observed.serial())) {
			return null;
		}
		try {
			return tracing.match(observed, 100).stream()
				.filter(c -> !c.isPart() && firearmId.toString().equals(c.firearmId()))
				.findFirst().orElse(null);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private String nextReference(String prefix, String table, LocalDate on) {
		String start = prefix + "-" + on.getYear() + "-";
		long count = jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE reference LIKE ?").param(start + "%")
			.query(Long.class).single();
		return start + String.format("%06d", count + 1);
	}

	// Queries

	private ObservedMarkings observed(UUID id) {
		return json.readValue(jdbc.sql("SELECT observed FROM trace_request WHERE id = ?").param(id).query(String.class)
			.single(), ObservedMarkings.class);
	}

	@Transactional(readOnly = true)
	public Optional<TraceRequestView> find(UUID id) {
		LocalDate today = LocalDate.now();
		return jdbc.sql("SELECT t.*, c.reference AS case_reference, s.circumstances FROM trace_request t "
				+ "JOIN investigation_case c ON c.id = t.case_id "
				+ "LEFT JOIN trace_request_circumstances s ON s.trace_request_id = t.id WHERE t.id = ?").param(id)
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
		return jdbc.sql("SELECT id FROM trace_request WHERE reference = ?").param(reference).query(UUID.class)
			.optional();
	}

	/** Trace requests, newest first; {@code state} and {@code overdueOnly} narrow the list. */
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

	private TraceRequestSummary summary(java.sql.ResultSet rs, LocalDate today) throws java.sql.SQLException {
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
		return jdbc.sql("SELECT COUNT(*) FROM trace_request WHERE state IN ('OPEN', 'CONFIRMED', 'UNRESOLVED') "
				+ "AND due_on < ?").param(LocalDate.now()).query(Long.class).single();
	}

	@Transactional(readOnly = true)
	public long awaitingAnswerCount() {
		return jdbc.sql("SELECT COUNT(*) FROM trace_request WHERE state IN ('OPEN', 'CONFIRMED', 'UNRESOLVED')")
			.query(Long.class).single();
	}

	/** The case with its traces, weapons and persons, and other traces of the same weapons outside it. */
	@Transactional(readOnly = true)
	public Optional<InvestigationCase> investigationCase(String reference) {
		LocalDate today = LocalDate.now();
		return jdbc.sql("SELECT id, opened_on FROM investigation_case WHERE reference = ?").param(reference)
			.query((rs, n) -> new Object[] { rs.getObject("id", UUID.class), rs.getObject("opened_on", LocalDate.class) })
			.optional()
			.map(row -> {
				UUID id = (UUID) row[0];
				List<TraceRequestSummary> traces = jdbc.sql("SELECT t.*, c.reference AS case_reference FROM "
						+ "trace_request t JOIN investigation_case c ON c.id = t.case_id WHERE t.case_id = ? "
						+ "ORDER BY t.opened_seq").param(id).query((rs, n) -> summary(rs, today)).list();
				List<CaseWeapon> weapons = jdbc.sql("SELECT subject_id FROM case_subject WHERE case_id = ? AND kind = "
						+ "'WEAPON' ORDER BY subject_id").param(id).query(UUID.class).list().stream()
					.map(f -> new CaseWeapon(f, registry.recordNumber(f).orElse(null))).toList();
				List<CasePerson> persons = jdbc.sql("SELECT s.subject_id, s.role, p.name, p.nationality FROM "
						+ "case_subject s LEFT JOIN case_person_identity p ON p.person_id = s.subject_id "
						+ "WHERE s.case_id = ? AND s.kind = 'PERSON' ORDER BY p.name")
					.param(id)
					.query((rs, n) -> new CasePerson(rs.getObject("subject_id", UUID.class), rs.getString("name"),
							rs.getString("nationality"), rs.getString("role")))
					.list();
				List<TraceRequestSummary> related = weapons.isEmpty() ? List.of() : jdbc.sql("SELECT t.*, "
						+ "c.reference AS case_reference FROM trace_request t JOIN investigation_case c ON "
						+ "c.id = t.case_id WHERE t.case_id <> ? AND t.firearm_id IN (SELECT subject_id FROM "
						+ "case_subject WHERE case_id = ? AND kind = 'WEAPON') ORDER BY t.opened_seq")
					.params(id, id).query((rs, n) -> summary(rs, today)).list();
				return new InvestigationCase(id, reference, (LocalDate) row[1], traces, weapons, persons, related);
			});
	}

	/** Empties and refills the trace request tables from the ledger (part of {@code armstrace rebuild}). */
	public long rebuild() {
		return transactions.execute(status -> {
			ledger.lockForAppend();
			projection.reset();
			return ledger.replay(TracingEvent.TYPES, json,
					(event, entry) -> projection.apply(event, entry.seq(), entry.actor()));
		});
	}

	private static boolean blank(String text) {
		return text == null || text.isBlank();
	}

	private static String trimmed(String text) {
		return blank(text) ? null : text.trim();
	}

	private static String upper(String text) {
		return blank(text) ? null : text.trim().toUpperCase();
	}

}
