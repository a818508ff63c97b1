package org.armstrace.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

import org.armstrace.ledger.EventTypes;
import org.armstrace.ledger.LedgerEvent;

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

}
