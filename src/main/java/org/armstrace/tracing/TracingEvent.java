package org.armstrace.tracing;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.armstrace.ledger.EventTypes;
import org.armstrace.ledger.LedgerEvent;

/**
 * Every step of a trace request and of the investigation case it opens, as the ledger
 * records it. The type name is {@code tracing.} plus the record's name in kebab case.
 * Persons appear by opaque id, and free-text circumstances stay off the ledger.
 */
public sealed interface TracingEvent extends LedgerEvent {

	@Override
	default String type() {
		return typeOf(getClass());
	}

	@Override
	default int schemaVersion() {
		return 1;
	}

	static String typeOf(Class<?> event) {
		return EventTypes.name("tracing", event);
	}

	Map<String, Class<? extends TracingEvent>> TYPES = EventTypes.of(TracingEvent.class, TracingEvent::typeOf);

	/** Events about a trace request. */
	sealed interface AboutTraceRequest extends TracingEvent {

		UUID traceRequestId();

		@Override
		default String subjectId() {
			return traceRequestId().toString();
		}

	}

	record InvestigationCaseOpened(UUID caseId, String reference, LocalDate openedOn) implements TracingEvent {
		@Override
		public String subjectId() {
			return caseId.toString();
		}
	}

	/**
	 * A person gathered into a case, by opaque id; name and nationality stay off the
	 * ledger.
	 */
	record CasePersonAdded(UUID caseId, UUID personId, String role) implements TracingEvent {
		@Override
		public String subjectId() {
			return caseId.toString();
		}
	}

	/**
	 * Financial information gathered into a case (an account, a transfer, a payment,
	 * cash, an asset): its kind, amount in minor units and currency, and date. The
	 * account, the counterparty and the description stay off the ledger.
	 */
	record CaseFinancialInformationRecorded(UUID caseId, UUID entryId, String kind, Long amountMinor, String currency,
			LocalDate occurredOn) implements TracingEvent {
		@Override
		public String subjectId() {
			return caseId.toString();
		}
	}

	record TraceRequestOpened(UUID traceRequestId, String reference, UUID caseId, ObservedMarkings observed,
			TracePriority priority, String urgentReason, LocalDate recoveredOn, String recoveredCountry,
			String recoveredPlace, String seizureReference, String unit, LocalDate openedOn,
			LocalDate dueOn) implements AboutTraceRequest {
	}

	record TraceRequestAssigned(UUID traceRequestId, String unit) implements AboutTraceRequest {
	}

	record TraceCandidateConfirmed(UUID traceRequestId, UUID firearmId, double score,
			Candidate.Band band) implements AboutTraceRequest {
	}

	record TraceRequestUnresolved(UUID traceRequestId, String reason) implements AboutTraceRequest {
	}

	/**
	 * The answer, frozen: the chosen record, its chain of custody and flags as they stood
	 * when answered. Version 2 holds the chain's facts and flags as codes and values;
	 * version 1 held them as English sentences, and reads into the same record with those
	 * sentences kept.
	 */
	record TraceRequestAnswered(UUID traceRequestId, LocalDate answeredOn, CustodyChain chain,
			String unresolvedReason) implements AboutTraceRequest {
		@Override
		public int schemaVersion() {
			return 2;
		}
	}

	record TraceRequestClosed(UUID traceRequestId, LocalDate closedOn, String note) implements AboutTraceRequest {
	}

}
