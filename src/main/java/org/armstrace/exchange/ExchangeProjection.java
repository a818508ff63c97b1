package org.armstrace.exchange;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.armstrace.command.Projection;
import org.armstrace.exchange.ExchangeEvent.MessageReceived;
import org.armstrace.exchange.ExchangeEvent.MessageSent;
import org.armstrace.exchange.ExchangeEvent.PeerConfigured;
import org.armstrace.ledger.LedgerEntry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Applies exchange facts to its tables; a rebuild applies them all again. */
@Component
class ExchangeProjection implements Projection<ExchangeEvent> {

	static final List<String> TABLES = List.of("exchange_hit", "foreign_lost_stolen", "exchange_message",
			"exchange_peer");

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
		}
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
