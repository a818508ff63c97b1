package org.armstrace.exchange;

import java.net.URI;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.armstrace.command.Checks;
import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Decision;
import org.armstrace.command.Limits;
import org.armstrace.command.Refusal;
import org.armstrace.ledger.NodeSignatures;
import org.armstrace.reference.CountryCode;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Peers, and the messages this node sends and receives: each a ledger fact, a sent one
 * with its outbox row in the same transaction, a received one only once its signature,
 * sender, recipient and age are checked.
 */
@Service
public class Exchange {

	public record ConfigurePeer(@Size(max = Limits.COUNTRY) String country, @Size(max = 300) String baseUrl,
			@Size(max = 300) String verifierKey) {
	}

	/**
	 * A peer; {@code inconsistent} says why its log was found rolled back or forked (its
	 * messages are then held), null while it is consistent.
	 */
	public record Peer(String country, String baseUrl, String verifierKey, String inconsistent) {
	}

	/** What became of a message that arrived. */
	public sealed interface Receipt {

		/** Checked and recorded. */
		record Received(String messageId, MessageType type) implements Receipt {
		}

		/** Already received under this id: not applied again. */
		record AlreadyReceived(String messageId) implements Receipt {
		}

		/** Refused: never applied. */
		record Refused(Refusal refusal) implements Receipt {
		}

	}

	private final CommandKernel.Commands<ExchangeEvent> commands;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final NodeSignatures signatures;

	private final ExchangeProperties properties;

	Exchange(CommandKernel kernel, ExchangeProjection projection, JdbcClient jdbc, JsonMapper json,
			NodeSignatures signatures, ExchangeProperties properties) {
		this.commands = kernel.commandsFor(projection);
		this.jdbc = jdbc;
		this.json = json;
		this.signatures = signatures;
		this.properties = properties;
	}

	/** This node's State, when it exchanges at all. */
	public Optional<String> country() {
		return Optional.ofNullable(properties.country());
	}

	public List<Peer> peers() {
		return jdbc.sql("SELECT country, base_url, verifier_key, inconsistent FROM exchange_peer ORDER BY country")
			.query((rs, n) -> new Peer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.list();
	}

	Optional<Peer> peer(String country) {
		return jdbc.sql("SELECT country, base_url, verifier_key, inconsistent FROM exchange_peer WHERE country = ?")
			.param(country)
			.query((rs, n) -> new Peer(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)))
			.optional();
	}

	public CommandResult configurePeer(ConfigurePeer c, String actor) {
		return commands.run("configure-peer", actor, null, c, () -> {
			String country = c.country() == null ? null : c.country().trim().toUpperCase();
			Checks checks = new Checks().require("country", country)
				.require("baseUrl", c.baseUrl())
				.require("verifierKey", c.verifierKey());
			checks.rule(country == null || CountryCode.isValid(country), "country", ExchangeRule.PeerCountryIsKnown,
					country);
			checks.rule(c.baseUrl() == null || isHttp(c.baseUrl()), "baseUrl", ExchangeRule.PeerUrlIsHttp, c.baseUrl());
			checks.rule(c.verifierKey() == null || isVerifierKey(c.verifierKey()), "verifierKey",
					ExchangeRule.PeerKeyIsAVerifierKey);
			if (checks.failed()) {
				return checks.refuse();
			}
			// a peer configured again is witnessed afresh, from its log as it is now
			return Decision
				.<ExchangeEvent>record(null,
						new ExchangeEvent.PeerConfigured(country, c.baseUrl().trim().replaceAll("/+$", ""),
								c.verifierKey().trim()))
				.alsoWrite(() -> jdbc.sql("DELETE FROM witness_state WHERE peer = ?").param(country).update());
		});
	}

	/** A message signed by this node, ready for the outbox. */
	record Sealed(String id, String recipient, Instant at, String envelope) {

		String sha256() {
			return Envelope.sha256(envelope);
		}

	}

	/**
	 * Signs a message to {@code recipient}; null when this node exchanges with no one.
	 */
	Sealed seal(MessageType type, String recipient, JsonNode body) {
		if (properties.country() == null) {
			return null;
		}
		String id = UUID.randomUUID().toString();
		Instant now = Instant.now();
		return new Sealed(id, recipient, now, Envelope
			.seal(new Envelope.Message(id, type, properties.country(), recipient, now, body), json, signatures::sign));
	}

	/** The outbox row of a sealed message, written in the transaction of its fact. */
	Runnable outboxRow(Sealed message) {
		return () -> jdbc
			.sql("INSERT INTO exchange_outbox (id, recipient, envelope, created_at, attempts, next_attempt_at) "
					+ "VALUES (?, ?, ?, ?, 0, ?)")
			.params(message.id(), message.recipient(), message.envelope(), message.at().atOffset(ZoneOffset.UTC),
					message.at().atOffset(ZoneOffset.UTC))
			.update();
	}

	/**
	 * Signs a message to {@code recipient} and records it, with its outbox row, in the
	 * caller's transaction (or a new one).
	 */
	CommandResult send(MessageType type, String recipient, JsonNode body, String actor) {
		return commands.run("send-message", actor, null, () -> {
			Sealed sealed = seal(type, recipient, body);
			if (sealed == null) {
				return Decision.refuse("country", ExchangeRule.ExchangeIsConfigured);
			}
			return Decision
				.<ExchangeEvent>record(null,
						new ExchangeEvent.MessageSent(sealed.id(), recipient, type, sealed.sha256(), sealed.at()))
				.alsoWrite(outboxRow(sealed));
		});
	}

	/** When a request of this urgency, made on {@code day}, is due. */
	LocalDate dueOn(String urgency, Instant at) {
		return at.atOffset(ZoneOffset.UTC)
			.toLocalDate()
			.plusDays("URGENT".equals(urgency) ? properties.urgentAnswerDays() : properties.answerDays());
	}

	/**
	 * Checks and records a message another node sent; refuses and never applies a bad
	 * one.
	 */
	public Receipt receive(String envelope) {
		if (properties.country() == null) {
			return new Receipt.Refused(Refusal.of("country", ExchangeRule.ExchangeIsConfigured));
		}
		String sender;
		try {
			sender = Envelope.sender(envelope == null ? "" : envelope.trim());
		}
		catch (ParseException e) {
			return new Receipt.Refused(Refusal.of("envelope", ExchangeRule.MessageIsWellFormed, e.getMessage()));
		}
		Optional<Peer> peer = sender == null ? Optional.empty() : peer(sender);
		if (peer.isEmpty()) {
			return new Receipt.Refused(Refusal.of("envelope", ExchangeRule.SenderIsAPeer, String.valueOf(sender)));
		}
		if (peer.get().inconsistent() != null) {
			return new Receipt.Refused(
					Refusal.of("envelope", ExchangeRule.PeerLedgerIsConsistent, sender, peer.get().inconsistent()));
		}
		Envelope.Message message;
		try {
			message = Envelope.open(envelope.trim(), json,
					(data, signature) -> NodeSignatures.verify(peer.get().verifierKey(), data, signature));
		}
		catch (ParseException | RuntimeException e) {
			return new Receipt.Refused(Refusal.of("envelope", ExchangeRule.MessageIsWellFormed, e.getMessage()));
		}
		if (message == null) {
			return new Receipt.Refused(Refusal.of("envelope", ExchangeRule.SignatureVerifies, sender));
		}
		if (message.id() == null || message.type() == null || message.sentAt() == null
				|| !sender.equals(message.sender())) {
			return new Receipt.Refused(Refusal.of("envelope", ExchangeRule.MessageIsWellFormed, "id, type, sender"));
		}
		if (!properties.country().equals(message.recipient())) {
			return new Receipt.Refused(
					Refusal.of("envelope", ExchangeRule.RecipientIsThisState, String.valueOf(message.recipient())));
		}
		Instant now = Instant.now();
		if (message.sentAt().isBefore(now.minus(properties.maxMessageAge()))
				|| message.sentAt().isAfter(now.plus(Duration.ofMinutes(10)))) {
			return new Receipt.Refused(Refusal.of("envelope", ExchangeRule.MessageIsFresh, message.sentAt()));
		}
		ExchangeEvent fact;
		try {
			fact = fact(message, envelope.trim(), now);
		}
		catch (RuntimeException e) {
			return new Receipt.Refused(Refusal.of("envelope", ExchangeRule.MessageIsWellFormed, e.getMessage()));
		}
		CommandResult result = commands.run("receive-message", "peer:" + sender, null, () -> {
			// the inbox is the ledger: a message id already recorded is not applied again
			if (received(message.id())) {
				return Decision.record(null);
			}
			Decision<ExchangeEvent> decision = Decision.record(null, fact);
			return switch (message.type()) {
				case TRACE_REQUEST -> decision.alsoWrite(() -> jdbc
					.sql("INSERT INTO international_trace_text (id, circumstances, contact) VALUES (?, ?, ?)")
					.params(message.id(), text(message.body(), "circumstances", Limits.LONG_TEXT / 2),
							text(message.body(), "contact", 300))
					.update());
				case SPONTANEOUS_INFORMATION -> decision.alsoWrite(() -> information(message.id(), "IN", sender,
						text(message.body(), "subject"), text(message.body(), "text", Limits.LONG_TEXT), now));
				default -> decision;
			};
		});
		if (result instanceof CommandResult.Accepted accepted && accepted.ledgerSeqs().isEmpty()) {
			return new Receipt.AlreadyReceived(message.id());
		}
		return result instanceof CommandResult.Rejected rejected ? new Receipt.Refused(rejected.violations().getFirst())
				: new Receipt.Received(message.id(), message.type());
	}

	private ExchangeEvent fact(Envelope.Message m, String envelope, Instant now) {
		ExchangeEvent.Notice notice = null;
		ExchangeEvent.Hit hit = null;
		JsonNode b = m.body();
		switch (m.type()) {
			case LOST_STOLEN_NOTICE,
					NOTICE_WITHDRAWN ->
				notice = new ExchangeEvent.Notice(required(b, "reference"),
						m.type() == MessageType.NOTICE_WITHDRAWN ? text(b, "serial") : required(b, "serial"),
						text(b, "make"), text(b, "model"), text(b, "calibre"), text(b, "status"),
						b.hasNonNull("reportedOn") ? LocalDate.parse(b.get("reportedOn").asString()) : null);
			case HIT_NOTIFICATION -> hit = new ExchangeEvent.Hit(required(b, "reference"), required(b, "serial"),
					text(b, "seizureReference"));
			case TRACE_REQUEST -> {
				String urgency = "URGENT".equals(text(b, "urgency")) ? "URGENT" : "ROUTINE";
				List<String> photographs = b.has("photographSha256") ? b.get("photographSha256")
					.valueStream()
					.map(JsonNode::asString)
					.filter(InternationalTracing::isSha256)
					.limit(10)
					.toList() : List.of();
				return new ExchangeEvent.TraceRequestReceived(m.id(), m.sender(), Envelope.sha256(envelope), now,
						new ExchangeEvent.TraceRequestBody(required(b, "serial"), text(b, "make"), text(b, "model"),
								text(b, "calibre"), text(b, "firearmType"), country(text(b, "countryOfManufacture")),
								photographs, required(b, "reason"), urgency),
						dueOn(urgency, now));
			}
			case EXPORT_NOTIFICATION -> {
				return new ExchangeEvent.ExportNotificationReceived(m.id(), m.sender(), Envelope.sha256(envelope), now,
						required(b, "reference"), LocalDate.parse(required(b, "issuedOn")),
						text(b, "description", Limits.TEXT));
			}
			case RECEIPT_CONFIRMATION -> {
				List<ExchangeEvent.LineCount> lines = b.has("lines") ? b.get("lines")
					.valueStream()
					.limit(Limits.ITEMS)
					.map(l -> new ExchangeEvent.LineCount(l.path("lineNo").asInt(), l.path("quantity").asLong()))
					.toList() : List.of();
				return new ExchangeEvent.ReceiptConfirmationReceived(m.id(), m.sender(), Envelope.sha256(envelope), now,
						required(b, "exportReference"), required(b, "consignmentReference"),
						LocalDate.parse(required(b, "receivedOn")), lines);
			}
			case SPONTANEOUS_INFORMATION -> {
				required(b, "subject");
				text(b, "text", Limits.LONG_TEXT);
			}
			case TRACE_ANSWER -> {
				String outcome = required(b, "outcome");
				if (!InternationalTracing.OUTCOMES.contains(outcome)) {
					throw new IllegalArgumentException("unknown outcome " + outcome);
				}
				return new ExchangeEvent.TraceAnswerReceived(m.id(), m.sender(), Envelope.sha256(envelope), now,
						new ExchangeEvent.TraceAnswerBody(required(b, "requestId"), outcome, text(b, "reason"),
								text(b, "make"), text(b, "model"), text(b, "calibre"), text(b, "firearmType"),
								text(b, "serial"), country(text(b, "countryOfManufacture")),
								b.hasNonNull("year") ? b.get("year").asInt() : null, text(b, "lastTransfer")));
			}
		}
		return new ExchangeEvent.MessageReceived(m.id(), m.sender(), m.type(), Envelope.sha256(envelope), now, notice,
				hit);
	}

	private static String country(String code) {
		return code == null || !CountryCode.isValid(code.toUpperCase()) ? null : code.toUpperCase();
	}

	/** Information shared with a peer unasked (DP 40). */
	public record SendInformation(@Size(max = Limits.COUNTRY) String recipient, @Size(max = Limits.NAME) String subject,
			@Size(max = Limits.LONG_TEXT) String text) {
	}

	/** Spontaneous information as the focal point reads it. */
	public record Information(String id, String direction, String peer, String subject, String text, Instant at) {
	}

	public CommandResult sendInformation(SendInformation c, String actor) {
		return commands.run("send-information", actor, null, c, () -> {
			String recipient = c.recipient() == null ? null : c.recipient().trim().toUpperCase();
			Checks checks = new Checks().require("recipient", recipient)
				.require("subject", c.subject() == null || c.subject().isBlank() ? null : c.subject())
				.require("text", c.text() == null || c.text().isBlank() ? null : c.text());
			checks.rule(properties.country() != null, "recipient", ExchangeRule.ExchangeIsConfigured);
			checks.rule(recipient == null || peer(recipient).isPresent(), "recipient", ExchangeRule.RecipientIsAPeer,
					recipient);
			if (checks.failed()) {
				return checks.refuse();
			}
			Sealed sealed = seal(MessageType.SPONTANEOUS_INFORMATION, recipient,
					json.createObjectNode().put("subject", c.subject().trim()).put("text", c.text().trim()));
			return Decision
				.<ExchangeEvent>record(null,
						new ExchangeEvent.MessageSent(sealed.id(), recipient, MessageType.SPONTANEOUS_INFORMATION,
								sealed.sha256(), sealed.at()))
				.alsoWrite(outboxRow(sealed))
				.alsoWrite(() -> information(sealed.id(), "OUT", recipient, c.subject().trim(), c.text().trim(),
						sealed.at()));
		});
	}

	List<Information> information(int limit) {
		return jdbc
			.sql("SELECT id, direction, peer, subject, body, at_time FROM exchange_information ORDER BY at_time DESC "
					+ "FETCH FIRST " + Math.max(1, Math.min(limit, 1_000)) + " ROWS ONLY")
			.query((rs, n) -> new Information(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	/** The message a ledger entry recorded. */
	Optional<String> messageRecordedAt(long seq) {
		return jdbc.sql("SELECT id FROM exchange_message WHERE last_seq = ?").param(seq).query(String.class).optional();
	}

	/** Spontaneous information, sent or received, kept off the ledger. */
	void information(String id, String direction, String peer, String subject, String body, Instant at) {
		jdbc.sql("INSERT INTO exchange_information (id, direction, peer, subject, body, at_time) "
				+ "VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, direction, peer, subject, body == null ? "" : body, at.atOffset(ZoneOffset.UTC))
			.update();
	}

	boolean received(String messageId) {
		return jdbc.sql("SELECT COUNT(*) FROM exchange_message WHERE id = ? AND direction = 'IN'")
			.param(messageId)
			.query(Long.class)
			.single() > 0;
	}

	private static String required(JsonNode body, String field) {
		String value = text(body, field);
		if (value == null) {
			throw new IllegalArgumentException("the body has no " + field);
		}
		return value;
	}

	private static String text(JsonNode body, String field) {
		return text(body, field, Limits.NAME);
	}

	private static String text(JsonNode body, String field, int max) {
		if (body == null || !body.hasNonNull(field)) {
			return null;
		}
		String value = body.get(field).asString().trim();
		if (value.length() > max) {
			throw new IllegalArgumentException(field + " is longer than " + max + " characters");
		}
		return value.isEmpty() ? null : value;
	}

	private static boolean isHttp(String url) {
		try {
			URI uri = URI.create(url.trim());
			return ("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

	private static boolean isVerifierKey(String key) {
		try {
			NodeSignatures.requireVerifierKey(key);
			return true;
		}
		catch (IllegalArgumentException e) {
			return false;
		}
	}

}
