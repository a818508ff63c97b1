package org.armstrace.transfers;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.armstrace.ledger.EventTypes;
import org.armstrace.ledger.LedgerEvent;

/**
 * Every step of an international transfer, as the ledger records it; the type name is
 * {@code transfers.} plus the record's name in kebab case. Each fact is about one
 * authorisation (a consignment's facts too, so that an authorisation's timeline holds its
 * shipments and receipts), except a foreign export notice, which is about the other
 * State's reference.
 */
public sealed interface TransfersEvent extends LedgerEvent {

	@Override
	default String type() {
		return typeOf(getClass());
	}

	@Override
	default int schemaVersion() {
		return 1;
	}

	static String typeOf(Class<?> event) {
		return EventTypes.name("transfers", event);
	}

	Map<String, Class<? extends TransfersEvent>> TYPES = EventTypes.of(TransfersEvent.class, TransfersEvent::typeOf);

	/**
	 * A line of an authorisation: a firearm by record, parts by kind, ammunition by
	 * calibre.
	 */
	record Line(int lineNo, LineKind kind, UUID firearmId, String partKind, String calibre, String description,
			long quantity) {
	}

	/** How many of a line's items a consignment ships, or its receipt counts. */
	record LineQuantity(int lineNo, long quantity) {
	}

	/** Facts about one authorisation. */
	sealed interface AboutAuthorisation extends TransfersEvent {

		UUID authorisationId();

		@Override
		default String subjectId() {
			return authorisationId().toString();
		}

	}

	/**
	 * An application with the content art. 10(3) asks of a licence: place of issue, the
	 * countries of export and import, transit countries, the final recipient, a
	 * description and the quantities; for an import of inbound goods, the exporting
	 * State's authorisation it rests on ({@code foreignReference}).
	 */
	record AuthorisationApplied(UUID authorisationId, TransferKind kind, UUID applicantId, String issuingAuthority,
			String placeOfIssue, String exportCountry, String importCountry, List<String> transitCountries,
			String finalRecipient, String description, List<Line> lines, String foreignReference,
			LocalDate foreignIssuedOn, LocalDate appliedOn) implements AboutAuthorisation {
	}

	/**
	 * The importing State's authorisation an export rests on: its reference, date, and
	 * how it was verified (with whom, by what means).
	 */
	record ImportAuthorisationRecorded(UUID authorisationId, String reference, LocalDate issuedOn,
			String verifiedHow) implements AboutAuthorisation {
	}

	/** A transit State's written notice that it does not object (art. 10(2)(b)). */
	record TransitNoticeRecorded(UUID authorisationId, String country, String noticeReference,
			LocalDate noticedOn) implements AboutAuthorisation {
	}

	record EndUserCertificateRecorded(UUID authorisationId, String certificateReference, String endUser, String endUse,
			String reExportClause, String signatory) implements AboutAuthorisation {
	}

	/** Verified with the authority that issued it, on a date, by an officer. */
	record EndUserCertificateVerified(UUID authorisationId, String verifiedWith, LocalDate verifiedOn,
			String verifiedBy) implements AboutAuthorisation {
	}

	/**
	 * The assessment of ATT art. 7: the criteria on which the risk is overriding (none,
	 * for an export that may go ahead) and the mitigating measures considered.
	 */
	record RiskAssessed(UUID authorisationId, List<RiskCriterion> overriding, String mitigation, LocalDate assessedOn,
			String assessedBy) implements AboutAuthorisation {
	}

	record AuthorisationGranted(UUID authorisationId, String number, LocalDate issuedOn, LocalDate validUntil,
			String conditions) implements AboutAuthorisation {
	}

	record AuthorisationRefused(UUID authorisationId, String reason,
			LocalDate occurredOn) implements AboutAuthorisation {
	}

	record AuthorisationSuspended(UUID authorisationId, String reason,
			LocalDate occurredOn) implements AboutAuthorisation {
	}

	record AuthorisationRevoked(UUID authorisationId, String reason,
			LocalDate occurredOn) implements AboutAuthorisation {
	}

	/**
	 * A consignment leaves under the authorisation: how many of each line; its receipt is
	 * due by {@code receiptDue}.
	 */
	record ConsignmentShipped(UUID authorisationId, UUID consignmentId, String reference, LocalDate shippedOn,
			LocalDate receiptDue, List<LineQuantity> lines) implements AboutAuthorisation {
	}

	/** The importing side confirms what arrived, line by line. */
	record ReceiptConfirmed(UUID authorisationId, UUID consignmentId, LocalDate receivedOn, String confirmedBy,
			List<LineQuantity> lines) implements AboutAuthorisation {
	}

	/** Another State's export authorisation, as it notified it. */
	record ForeignExportNoticeRecorded(String country, String reference, LocalDate issuedOn,
			String description) implements TransfersEvent {

		@Override
		public String subjectId() {
			return "foreign-export:" + country + ":" + reference;
		}

	}

}
