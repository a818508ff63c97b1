package org.armstrace.exchange;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.armstrace.command.Projection;
import org.armstrace.exchange.ExchangeEvent.MessageReceived;
import org.armstrace.exchange.ExchangeEvent.MessageSent;
import org.armstrace.exchange.ExchangeEvent.PeerConfigured;
import org.armstrace.exchange.ExchangeEvent.PeerLedgerInconsistent;
import org.armstrace.exchange.ExchangeEvent.TraceAnswerReceived;
import org.armstrace.exchange.ExchangeEvent.TraceAnswerSent;
import org.armstrace.exchange.ExchangeEvent.TraceRequestReceived;
import org.armstrace.exchange.ExchangeEvent.TraceRequestSent;
import org.armstrace.ledger.LedgerEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Applies exchange facts to its tables; a rebuild applies them all again. */
@Component
class ExchangeProjection implements Projection<ExchangeEvent> {

	static final List<String> TABLES = List.of("international_trace_request", "exchange_hit", "foreign_lost_stolen",
			"exchange_message", "exchange_peer");

	private final JdbcClient jdbc;

	ExchangeProjection(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public void apply(ExchangeEvent event, LedgerEntry entry) {
		long seq = entry.seq();
		switch (event) {
			case PeerConfigured e -> {
				jdbc.sql("DELETE FROM exchange_peer WHERE country = ?").param(e.country()).update();
				// configuring a peer again clears an inconsistency flag: the
				// administrator has looked
				jdbc.sql("INSERT INTO exchange_peer (country, base_url, verifier_key, last_seq) VALUES (?, ?, ?, ?)")
					.params(e.country(), e.baseUrl(), e.verifierKey(), seq)
					.update();
			}
			case MessageSent e ->
				message(e.messageId(), "OUT", e.recipient(), e.messageType(), e.envelopeSha256(), e.sentAt(), seq);
			case MessageReceived e -> {
				message(e.messageId(), "IN", e.sender(), e.messageType(), e.envelopeSha256(), e.receivedAt(), seq);
				received(e, seq);
			}
			case TraceRequestSent e -> {
				message(e.messageId(), "OUT", e.recipient(), MessageType.TRACE_REQUEST, e.envelopeSha256(), e.sentAt(),
						seq);
				traceRequest(e.messageId(), "OUT", e.recipient(), e.request(), e.sentAt(), e.dueOn(), seq);
			}
			case TraceRequestReceived e -> {
				message(e.messageId(), "IN", e.sender(), MessageType.TRACE_REQUEST, e.envelopeSha256(), e.receivedAt(),
						seq);
				traceRequest(e.messageId(), "IN", e.sender(), e.request(), e.receivedAt(), e.dueOn(), seq);
			}
			case TraceAnswerSent e -> {
				message(e.messageId(), "OUT", e.recipient(), MessageType.TRACE_ANSWER, e.envelopeSha256(), e.sentAt(),
						seq);
				answer("IN", e.recipient(), e.answer(), e.sentAt(), seq);
			}
			case TraceAnswerReceived e -> {
				message(e.messageId(), "IN", e.sender(), MessageType.TRACE_ANSWER, e.envelopeSha256(), e.receivedAt(),
						seq);
				answer("OUT", e.sender(), e.answer(), e.receivedAt(), seq);
			}
			case ExchangeEvent.ExportNotificationReceived e -> message(e.messageId(), "IN", e.sender(),
					MessageType.EXPORT_NOTIFICATION, e.envelopeSha256(), e.receivedAt(), seq);
			case ExchangeEvent.ReceiptConfirmationReceived e -> message(e.messageId(), "IN", e.sender(),
					MessageType.RECEIPT_CONFIRMATION, e.envelopeSha256(), e.receivedAt(), seq);
			case PeerLedgerInconsistent e -> jdbc.sql("UPDATE exchange_peer SET inconsistent = ? WHERE country = ?")
				.params(e.problem(), e.country())
				.update();
		}
	}

	private void traceRequest(String id, String direction, String peer, ExchangeEvent.TraceRequestBody r, Instant at,
			LocalDate dueOn, long seq) {
		jdbc.sql("INSERT INTO international_trace_request (id, direction, peer, serial, make, model, calibre, "
				+ "firearm_type, country_of_manufacture, photograph_sha256, reason, urgency, state, requested_at, due_on, "
				+ "last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'WAITING', ?, ?, ?)")
			.params(id, direction, peer, r.serial(), r.make(), r.model(), r.calibre(), r.firearmType(),
					r.countryOfManufacture(),
					r.photographSha256() == null || r.photographSha256().isEmpty() ? null
							: String.join(",", r.photographSha256()),
					r.reason(), r.urgency(), at.atOffset(ZoneOffset.UTC), dueOn, seq)
			.update();
	}

	/**
	 * An answer closes the request it names, on the side that asked ({@code OUT}) or was
	 * asked ({@code IN}), when that request came from or went to the same peer.
	 */
	private void answer(String direction, String peer, ExchangeEvent.TraceAnswerBody a, Instant at, long seq) {
		String state = switch (a.outcome()) {
			case "DELAYED" -> "DELAYED";
			case "REFUSED" -> "REFUSED";
			default -> "ANSWERED";
		};
		jdbc.sql("UPDATE international_trace_request SET state = ?, answered_at = ?, outcome = ?, answer_reason = ?, "
				+ "answer_record = ?, last_seq = ? WHERE id = ? AND direction = ? AND peer = ?")
			.params(state, at.atOffset(ZoneOffset.UTC), a.outcome(), a.reason(), record(a), seq, a.requestId(),
					direction, peer)
			.update();
	}

	/** What an answer says of the record, in one line an officer reads. */
	private static String record(ExchangeEvent.TraceAnswerBody a) {
		if (a.serial() == null) {
			return null;
		}
		StringBuilder line = new StringBuilder();
		for (String part : new String[] { a.make(), a.model(), a.calibre(), a.firearmType(), "serial " + a.serial(),
				a.countryOfManufacture() == null ? null : "made in " + a.countryOfManufacture(),
				a.year() == null ? null : String.valueOf(a.year()), a.lastTransfer() }) {
			if (part != null && !part.isBlank()) {
				line.append(line.isEmpty() ? "" : ", ").append(part);
			}
		}
		return line.length() > 2000 ? line.substring(0, 2000) : line.toString();
	}

	private void received(MessageReceived e, long seq) {
		switch (e.messageType()) {
			case LOST_STOLEN_NOTICE -> {
				ExchangeEvent.Notice n = e.notice();
				jdbc.sql("DELETE FROM foreign_lost_stolen WHERE country = ? AND reference = ?")
					.params(e.sender(), n.reference())
					.update();
				jdbc.sql(
						"INSERT INTO foreign_lost_stolen (country, reference, serial, serial_key, make, model, calibre, "
								+ "status, reported_on, message_id, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
					.params(e.sender(), n.reference(), n.serial(), serialKey(n.serial()), n.make(), n.model(),
							n.calibre(), n.status(), n.reportedOn(), e.messageId(), seq)
					.update();
			}
			case NOTICE_WITHDRAWN -> jdbc.sql("DELETE FROM foreign_lost_stolen WHERE country = ? AND reference = ?")
				.params(e.sender(), e.notice().reference())
				.update();
			case HIT_NOTIFICATION -> jdbc.sql(
					"INSERT INTO exchange_hit (message_id, country, reference, serial, seizure_reference, received_at, "
							+ "last_seq) VALUES (?, ?, ?, ?, ?, ?, ?)")
				.params(e.messageId(), e.sender(), e.hit().reference(), e.hit().serial(), e.hit().seizureReference(),
						e.receivedAt().atOffset(ZoneOffset.UTC), seq)
				.update();
		}
	}

	private void message(String id, String direction, String peer, MessageType type, String sha256, Instant at,
			long seq) {
		jdbc.sql("INSERT INTO exchange_message (id, direction, peer, message_type, envelope_sha256, at_time, last_seq) "
				+ "VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(id, direction, peer, type.name(), sha256, at.atOffset(ZoneOffset.UTC), seq)
			.update();
	}

	/**
	 * A serial compared without case, spaces or separators, as the registry compares
	 * them.
	 */
	static String serialKey(String serial) {
		return serial == null ? "" : serial.toUpperCase(Locale.ROOT).replaceAll("[^0-9A-Z]", "");
	}

	@Override
	public void reset() {
		TABLES.forEach(table -> jdbc.sql("DELETE FROM " + table).update());
	}

	@Override
	public String name() {
		return "exchange";
	}

	@Override
	public List<String> tables() {
		return TABLES;
	}

	@Override
	public Map<String, Class<? extends ExchangeEvent>> eventTypes() {
		return ExchangeEvent.TYPES;
	}

}
