package org.armstrace.licensing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.armstrace.ledger.EventTypes;
import org.armstrace.ledger.LedgerEvent;

/**
 * Every step of a licence's life, as the ledger records it; the type name is
 * {@code licensing.} plus the record's name in kebab case. The holder appears by id;
 * reasons are the officer's words for the decision (no personal data).
 */
public sealed interface LicensingEvent extends LedgerEvent {

	@Override
	default String type() {
		return typeOf(getClass());
	}

	@Override
	default int schemaVersion() {
		return 1;
	}

	static String typeOf(Class<?> event) {
		return EventTypes.name("licensing", event);
	}

	Map<String, Class<? extends LicensingEvent>> TYPES = EventTypes.of(LicensingEvent.class, LicensingEvent::typeOf);

	UUID licenceId();

	@Override
	default String subjectId() {
		return licenceId().toString();
	}

	/**
	 * An application: for whom, of which kind, covering what, under which conditions
	 * (storage inspected, and the authority's free text).
	 */
	record LicenceApplied(UUID licenceId, UUID holderId, LicenceKind kind, String issuingAuthority,
			List<Coverage> coverage, String conditions, boolean storageInspected,
			LocalDate appliedOn) implements LicensingEvent {
	}

	/** Granted under a number, valid from {@code issuedOn} to {@code validUntil}. */
	record LicenceGranted(UUID licenceId, String number, LocalDate issuedOn,
			LocalDate validUntil) implements LicensingEvent {
	}

	record LicenceRefused(UUID licenceId, String reason, LocalDate occurredOn) implements LicensingEvent {
	}

	/**
	 * Suspended, e.g. on a court order ({@code orderReference}): its holder's firearms
	 * are to be recovered.
	 */
	record LicenceSuspended(UUID licenceId, String reason, String orderReference,
			LocalDate occurredOn) implements LicensingEvent {
	}

	record LicenceReinstated(UUID licenceId, LocalDate occurredOn) implements LicensingEvent {
	}

	record LicenceRevoked(UUID licenceId, String reason, LocalDate occurredOn) implements LicensingEvent {
	}

	/** Its validity ran out. */
	record LicenceExpired(UUID licenceId, LocalDate occurredOn) implements LicensingEvent {
	}

	/**
	 * A brokering activity a registered broker reports (Firearms Protocol art. 15): who
	 * acted, what was brokered, from where to where. Parties appear by holder id where
	 * they are on the record; otherwise their names stay off the ledger. Its subject is
	 * the broker's licence.
	 */
	record BrokeringActivityRecorded(UUID licenceId, UUID activityId, String description, String category, int quantity,
			String fromCountry, String toCountry, List<String> transitCountries, UUID sellerId, UUID buyerId,
			String transactionReference, LocalDate occurredOn) implements LicensingEvent {
	}

}
