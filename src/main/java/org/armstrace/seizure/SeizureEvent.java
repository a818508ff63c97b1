package org.armstrace.seizure;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.armstrace.command.Wording;
import org.armstrace.ledger.EventTypes;
import org.armstrace.ledger.LedgerEvent;
import org.armstrace.tracing.ObservedMarkings;

/**
 * Every fact of a seizure and of its items' custody, as the ledger records it. The type
 * name is {@code seizure.} plus the record's name in kebab case. Persons and shipment
 * parties appear by opaque id only.
 */
public sealed interface SeizureEvent extends LedgerEvent {

	@Override
	default String type() {
		return typeOf(getClass());
	}

	@Override
	default int schemaVersion() {
		return 1;
	}

	static String typeOf(Class<?> event) {
		return EventTypes.name("seizure", event);
	}

	Map<String, Class<? extends SeizureEvent>> TYPES = EventTypes.of(SeizureEvent.class, SeizureEvent::typeOf);

	/** Events about one seized item: its timeline. */
	sealed interface AboutItem extends SeizureEvent {

		UUID itemId();

		@Override
		default String subjectId() {
			return itemId().toString();
		}

	}

	/**
	 * Where, how and by whom; for postal and courier cases the shipment, its parties by
	 * id.
	 */
	record SeizureRecorded(UUID seizureId, String reference, LocalDate seizedOn, String country, String region,
			String locality, Double latitude, Double longitude, PlaceKind placeKind, String agency,
			String caseReference, LegalBasis legalBasis, CriminalContext criminalContext,
			Shipment shipment) implements SeizureEvent {
		@Override
		public String subjectId() {
			return seizureId.toString();
		}
	}

	record Shipment(String carrier, String trackingNumber, String declaredContent, String originCountry,
			String destinationCountry, UUID senderId, UUID recipientId) {
	}

	record PersonInvolved(UUID seizureId, UUID personId, PersonRole role) implements SeizureEvent {
		@Override
		public String subjectId() {
			return seizureId.toString();
		}
	}

	/**
	 * One item of a seizure as recorded: a firearm or marked part with what was observed
	 * on it, or ammunition by calibre and quantity. {@code firearmId} is the registry
	 * record it was matched to, null for an item that is on no record (it is then on the
	 * record as this seized item). {@code nonIndustrialEntry} and
	 * {@code nonIndustrialKind} are the catalogue entry of non-industrial firearms the
	 * item is a design of (an FGC-9) and the entry's kind when it was seized; absent in
	 * entries written before items carried one.
	 */
	record ItemSeized(UUID itemId, UUID seizureId, int itemNumber, ItemKind kind, ObservedMarkings observed,
			String partKind, String calibre, Long quantity, String headstamp, String lotNumber, UUID firearmId,
			String countryOfLastImport, String storageLocation, String custodian, LocalDate on,
			String nonIndustrialEntry, String nonIndustrialKind) implements AboutItem {
	}

	/**
	 * One step of the recovery protocol with its outcome as a code and values (schema
	 * version 2). A version 1 entry held the outcome as an English sentence: it reads
	 * into {@code detail}, outcome and values absent.
	 */
	record RecoveryStepRecorded(UUID itemId, ProtocolStep step, StepState state, StepOutcome outcome,
			List<String> values, UUID traceRequestId, String detail, UUID firearmId) implements AboutItem, Wording {

		public RecoveryStepRecorded {
			values = values == null ? List.of() : List.copyOf(values);
		}

		/** A step with its outcome and the outcome's values, each written as text. */
		public static RecoveryStepRecorded of(UUID itemId, ProtocolStep step, StepState state, StepOutcome outcome,
				Object... values) {
			return new RecoveryStepRecorded(itemId, step, state, outcome,
					Arrays.stream(values).map(String::valueOf).toList(), null, null, null);
		}

		/** The same step, linked to the trace request it opened. */
		public RecoveryStepRecorded withTraceRequest(UUID id) {
			return new RecoveryStepRecorded(itemId, step, state, outcome, values, id, detail, firearmId);
		}

		/**
		 * The same step, naming the record it matched the item to after the item was
		 * recorded (a match that waited for the candidate index): the item then links to
		 * it.
		 */
		public RecoveryStepRecorded withFirearm(UUID id) {
			return new RecoveryStepRecorded(itemId, step, state, outcome, values, traceRequestId, detail, id);
		}

		@Override
		public int schemaVersion() {
			return 2;
		}

		@Override
		public String messageKey() {
			return outcome == null ? "protocol.in-words" : "protocol.outcome." + outcome;
		}

		@Override
		public List<String> arguments() {
			return outcome == null ? List.of(detail == null ? "" : detail) : values;
		}

		/**
		 * The first value: what the projection keeps (an exception's reason, a ballistic
		 * reference).
		 */
		String firstValue() {
			return outcome == null ? detail : values.isEmpty() ? null : values.getFirst();
		}

	}

	record CustodyEventRecorded(UUID itemId, CustodyEventKind kind, String location, String custodian, LocalDate on,
			String note) implements AboutItem {
	}

	record JudicialHoldPlaced(UUID itemId, UUID holdId, String caseReference, String court, LocalDate placedOn,
			LocalDate until) implements AboutItem {
	}

	record JudicialHoldReleased(UUID itemId, UUID holdId, LocalDate releasedOn, String reason) implements AboutItem {
	}

	/**
	 * One item of a batch destruction; the batch shares its id, method, witnesses and
	 * date.
	 */
	record SeizedItemDestroyed(UUID itemId, UUID batchId, String method, List<String> witnesses,
			LocalDate on) implements AboutItem {
	}

	/**
	 * A batch destruction proposed: carried out only when another person approves it
	 * ({@link DestructionApproved}); the ledger entry's actor is who proposed.
	 */
	record DestructionProposed(UUID proposalId, List<UUID> itemIds, String method, List<String> witnesses,
			LocalDate on) implements SeizureEvent {
		@Override
		public String subjectId() {
			return proposalId.toString();
		}
	}

	/**
	 * A proposed destruction approved by a person other than its proposer (the entry's
	 * actor); each item's {@link SeizedItemDestroyed} follows in the same command.
	 */
	record DestructionApproved(UUID proposalId) implements SeizureEvent {
		@Override
		public String subjectId() {
			return proposalId.toString();
		}
	}

}
