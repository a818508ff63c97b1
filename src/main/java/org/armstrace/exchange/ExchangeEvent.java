package org.armstrace.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.armstrace.command.Limits;
import org.armstrace.ledger.EventTypes;
import org.armstrace.ledger.LedgerEvent;

import jakarta.validation.constraints.Max;

/**
 * The exchange's facts on the ledger: a peer trusted, a message sent, a message received.
 * A message's fact holds its id, kind, peer and the SHA-256 of its envelope; what a
 * received notice or hit says of a firearm (no person) is kept so that the tables rebuild
 * from the ledger.
 */
public sealed interface ExchangeEvent extends LedgerEvent {

	@Override
	default String type() {
		return typeOf(getClass());
	}

	@Override
	default int schemaVersion() {
		return 1;
	}

	static String typeOf(Class<?> event) {
		return EventTypes.name("exchange", event);
	}

	Map<String, Class<? extends ExchangeEvent>> TYPES = EventTypes.of(ExchangeEvent.class, ExchangeEvent::typeOf);

	/** What a lost or stolen notice says of the firearm, by the owning State's record. */
	record Notice(String reference, String serial, String make, String model, String calibre, String status,
			LocalDate reportedOn) {
	}

	/** What a hit notification says: the owning State's record and the seizure. */
	record Hit(String reference, String serial, String seizureReference) {
	}

	/**
	 * What an international trace request asks (ITI art. 17, ISACS 05.31): the markings
	 * as read ({@code ?} one unreadable character, {@code *} any run), type, calibre, the
	 * photographs' SHA-256, why and how urgently. The circumstances and the contact are
	 * kept off the ledger.
	 */
	record TraceRequestBody(String serial, String make, String model, String calibre, String firearmType,
			String countryOfManufacture, List<String> photographSha256, String reason, String urgency) {
	}

	/**
	 * An answer (ITI arts. 20-21): FOUND with what the ITI lets a State share of the
	 * record (its manufacture, its last legal export or import that concerns the
	 * requesting State), NOT_FOUND, or REFUSED / DELAYED with the reason.
	 */
	record TraceAnswerBody(String requestId, String outcome, String reason, String make, String model, String calibre,
			String firearmType, String serial, String countryOfManufacture, Integer year, String lastTransfer) {
	}

	record PeerConfigured(String country, String baseUrl, String verifierKey) implements ExchangeEvent {

		@Override
		public String subjectId() {
			return "peer:" + country;
		}

	}

	record MessageSent(String messageId, String recipient, MessageType messageType, String envelopeSha256,
			Instant sentAt) implements ExchangeEvent {

		@Override
		public String subjectId() {
			return "message:" + messageId;
		}

	}

	record MessageReceived(String messageId, String sender, MessageType messageType, String envelopeSha256,
			Instant receivedAt, Notice notice, Hit hit) implements ExchangeEvent {

		@Override
		public String subjectId() {
			return "message:" + messageId;
		}

	}

	/** This State asked a peer to trace a firearm; the request is the message. */
	record TraceRequestSent(String messageId, String recipient, String envelopeSha256, Instant sentAt,
			TraceRequestBody request, LocalDate dueOn) implements ExchangeEvent {

		@Override
		public String subjectId() {
			return "message:" + messageId;
		}

	}

	/**
	 * A peer asked this State to trace a firearm: it lands in the focal point's queue.
	 */
	record TraceRequestReceived(String messageId, String sender, String envelopeSha256, Instant receivedAt,
			TraceRequestBody request, LocalDate dueOn) implements ExchangeEvent {

		@Override
		public String subjectId() {
			return "message:" + messageId;
		}

	}

	/** This State answered a peer's trace request. */
	record TraceAnswerSent(String messageId, String recipient, String envelopeSha256, Instant sentAt,
			TraceAnswerBody answer) implements ExchangeEvent {

		@Override
		public String subjectId() {
			return "message:" + messageId;
		}

	}

	/** A peer answered this State's trace request. */
	record TraceAnswerReceived(String messageId, String sender, String envelopeSha256, Instant receivedAt,
			TraceAnswerBody answer) implements ExchangeEvent {

		@Override
		public String subjectId() {
			return "message:" + messageId;
		}

	}

	/**
	 * A witness check found a peer's log inconsistent with what this node had accepted
	 * (rolled back, or forked): its messages are held until an administrator configures
	 * the peer again.
	 */
	record PeerLedgerInconsistent(String country, String problem, long acceptedSize, String acceptedRoot,
			String checkpoint) implements ExchangeEvent {

		@Override
		public String subjectId() {
			return "peer:" + country;
		}

	}

	/** A peer notified an export authorisation it granted to this State. */
	record ExportNotificationReceived(String messageId, String sender, String envelopeSha256, Instant receivedAt,
			String reference, LocalDate issuedOn, String description) implements ExchangeEvent {

		@Override
		public String subjectId() {
			return "message:" + messageId;
		}

	}

	/** One line's count in a receipt confirmation. */
	record LineCount(@Max(10_000) int lineNo, @Max(Limits.ROUNDS) long quantity) {
	}

	/** A peer confirmed that a consignment of this State's export arrived. */
	record ReceiptConfirmationReceived(String messageId, String sender, String envelopeSha256, Instant receivedAt,
			String exportReference, String consignmentReference, LocalDate receivedOn,
			List<LineCount> lines) implements ExchangeEvent {

		@Override
		public String subjectId() {
			return "message:" + messageId;
		}

	}

}
