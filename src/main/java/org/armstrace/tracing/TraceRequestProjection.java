package org.armstrace.tracing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.armstrace.command.Projection;
import org.armstrace.ledger.LedgerEntry;
import org.armstrace.tracing.CustodyChain.ChainEvent;
import org.armstrace.tracing.CustodyChain.LegalHolder;
import org.armstrace.tracing.TracingEvent.CasePersonAdded;
import org.armstrace.tracing.TracingEvent.InvestigationCaseOpened;
import org.armstrace.tracing.TracingEvent.TraceCandidateConfirmed;
import org.armstrace.tracing.TracingEvent.TraceRequestAnswered;
import org.armstrace.tracing.TracingEvent.TraceRequestAssigned;
import org.armstrace.tracing.TracingEvent.TraceRequestClosed;
import org.armstrace.tracing.TracingEvent.TraceRequestOpened;
import org.armstrace.tracing.TracingEvent.TraceRequestUnresolved;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Applies tracing events to the trace request and case tables; a rebuild applies them all
 * again from zero.
 */
@Component
class TraceRequestProjection implements Projection<TracingEvent> {

	private final JdbcClient jdbc;

	private final JsonMapper json;

	TraceRequestProjection(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@Override
	public void apply(TracingEvent event, LedgerEntry entry) {
		long seq = entry.seq();
		String actor = entry.actor();
		switch (event) {
			case InvestigationCaseOpened e ->
				jdbc.sql("INSERT INTO investigation_case (id, reference, opened_on, " + "last_seq) VALUES (?, ?, ?, ?)")
					.params(e.caseId(), e.reference(), e.openedOn(), seq)
					.update();
			case CasePersonAdded e -> subject(e.caseId(), "PERSON", e.personId(), e.role(), seq);
			case TracingEvent.CaseFinancialInformationRecorded e -> jdbc
				.sql("INSERT INTO case_financial (entry_id, case_id, kind, amount_minor, currency, occurred_on, "
						+ "last_seq) VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(e.entryId(), e.caseId(), e.kind(), e.amountMinor(), e.currency(), e.occurredOn(), seq)
				.update();
			case TraceRequestOpened e -> {
				jdbc.sql("INSERT INTO trace_request (id, reference, case_id, state, priority, urgent_reason, observed, "
						+ "observed_serial, recovered_on, recovered_country, recovered_place, seizure_reference, "
						+ "opened_on, due_on, unit, opened_by, opened_seq, last_seq) "
						+ "VALUES (?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
					.params(e.traceRequestId(), e.reference(), e.caseId(), e.priority().name(), e.urgentReason(),
							json.writeValueAsString(e.observed()), e.observed().serial(), e.recoveredOn(),
							e.recoveredCountry(), e.recoveredPlace(), e.seizureReference(), e.openedOn(), e.dueOn(),
							e.unit(), actor, seq, seq)
					.update();
				jdbc.sql("UPDATE investigation_case SET last_seq = ? WHERE id = ?").params(seq, e.caseId()).update();
			}
			case TraceRequestAssigned e -> jdbc.sql("UPDATE trace_request SET unit = ?, last_seq = ? WHERE id = ?")
				.params(e.unit(), seq, e.traceRequestId())
				.update();
			case TraceCandidateConfirmed e -> {
				jdbc.sql("UPDATE trace_request SET state = 'CONFIRMED', firearm_id = ?, confirmed_score = ?, "
						+ "confirmed_band = ?, unresolved_reason = NULL, last_seq = ? WHERE id = ?")
					.params(e.firearmId(), e.score(), e.band().name(), seq, e.traceRequestId())
					.update();
				UUID caseId = jdbc.sql("SELECT case_id FROM trace_request WHERE id = ?")
					.param(e.traceRequestId())
					.query(UUID.class)
					.single();
				subject(caseId, "WEAPON", e.firearmId(), null, seq);
			}
			case TraceRequestUnresolved e -> jdbc
				.sql("UPDATE trace_request SET state = 'UNRESOLVED', firearm_id = NULL, "
						+ "confirmed_score = NULL, confirmed_band = NULL, unresolved_reason = ?, last_seq = ? WHERE id = ?")
				.params(e.reason(), seq, e.traceRequestId())
				.update();
			case TraceRequestAnswered e -> {
				CustodyChain chain = e.chain();
				LegalHolder last = chain == null ? null : chain.lastLegalHolder();
				ChainEvent diversion = chain == null ? null : chain.pointOfDiversion();
				LocalDate opened = jdbc.sql("SELECT opened_on FROM trace_request WHERE id = ?")
					.param(e.traceRequestId())
					.query(LocalDate.class)
					.single();
				jdbc.sql("UPDATE trace_request SET state = 'ANSWERED', answer = ?, answered_on = ?, "
						+ "days_to_answer = ?, retail_dealer_id = ?, time_to_crime_days = ?, last_holder_id = ?, "
						+ "last_holder_role = ?, diversion_fact = ?, diversion_value = ?, last_seq = ? WHERE id = ?")
					.params(json.writeValueAsString(e), e.answeredOn(),
							(int) (e.answeredOn().toEpochDay() - opened.toEpochDay()),
							chain == null || chain.firstRetailSale() == null ? null
									: chain.firstRetailSale().dealerId(),
							chain == null ? null : chain.timeToCrimeDays(), last == null ? null : last.holderId(),
							last == null ? null : last.role(),
							diversion == null || diversion.fact() == null ? null : diversion.fact().name(),
							diversion == null || diversion.values().isEmpty() ? null
									: first(diversion.values().getFirst()),
							seq, e.traceRequestId())
					.update();
			}
			case TraceRequestClosed e -> jdbc
				.sql("UPDATE trace_request SET state = 'CLOSED', closed_on = ?, "
						+ "closing_note = ?, last_seq = ? WHERE id = ?")
				.params(e.closedOn(), e.note(), seq, e.traceRequestId())
				.update();
		}
	}

	/** The first value of the point of diversion, as long as its column holds. */
	private static String first(String value) {
		return value.length() > 200 ? value.substring(0, 200) : value;
	}

	private void subject(UUID caseId, String kind, UUID subjectId, String role, long seq) {
		int exists = jdbc.sql("SELECT COUNT(*) FROM case_subject WHERE case_id = ? AND kind = ? AND subject_id = ?")
			.params(caseId, kind, subjectId)
			.query(Integer.class)
			.single();
		if (exists == 0) {
			jdbc.sql("INSERT INTO case_subject (case_id, kind, subject_id, role) VALUES (?, ?, ?, ?)")
				.params(caseId, kind, subjectId, role)
				.update();
		}
		jdbc.sql("UPDATE investigation_case SET last_seq = ? WHERE id = ?").params(seq, caseId).update();
	}

	/**
	 * Empties the tables the ledger can refill; circumstances and persons' identities
	 * stay.
	 */
	@Override
	public void reset() {
		tables().forEach(table -> jdbc.sql("DELETE FROM " + table).update());
	}

	@Override
	public String name() {
		return "tracing";
	}

	@Override
	public List<String> tables() {
		return List.of("case_financial", "case_subject", "trace_request", "investigation_case");
	}

	@Override
	public Map<String, Class<? extends TracingEvent>> eventTypes() {
		return TracingEvent.TYPES;
	}

}
