package org.armstrace.exchange;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.armstrace.command.Checks;
import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Decision;
import org.armstrace.command.Limits;
import org.armstrace.reference.CountryCode;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.tracing.Matches;
import org.armstrace.tracing.ObservedMarkings;
import org.armstrace.tracing.Tracing;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import jakarta.validation.constraints.Size;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * International trace requests both ways (ITI arts. 17-23). The focal point asks a peer
 * to trace a firearm; a peer's request lands in the focal point's queue with the local
 * engine's candidates, and the answer goes back from there: what the ITI lets a State
 * share of the record found, or a reasoned refusal or delay. Each request and answer is a
 * signed message, a ledger fact and an outbox row in one transaction.
 */
@Service
public class InternationalTracing {

	static final Set<String> OUTCOMES = Set.of("FOUND", "NOT_FOUND", "REFUSED", "DELAYED");

	private static final Set<String> URGENCIES = Set.of("ROUTINE", "URGENT");

	/**
	 * A trace request to a peer. {@code circumstances} (where and how the firearm was
	 * found) and {@code contact} (the office to answer) travel in the message but are
	 * kept off the ledger.
	 */
	public record RequestTrace(@Size(max = Limits.COUNTRY) String recipient, @Size(max = Limits.MARKING) String serial,
			@Size(max = Limits.NAME) String make, @Size(max = Limits.NAME) String model,
			@Size(max = Limits.SHORT) String calibre, @Size(max = Limits.CODE) String firearmType,
			@Size(max = Limits.COUNTRY) String countryOfManufacture,
			@Size(max = 10) List<@Size(max = 64) String> photographSha256, @Size(max = Limits.TEXT) String reason,
			@Size(max = Limits.CODE) String urgency, @Size(max = 2_000) String circumstances,
			@Size(max = 300) String contact) {
	}

	/**
	 * The answer to a peer's request: FOUND with the record number of the firearm found,
	 * NOT_FOUND, or REFUSED / DELAYED with the reason.
	 */
	public record AnswerTrace(@Size(max = Limits.CODE) String outcome,
			@Size(max = Limits.REFERENCE) String recordNumber, @Size(max = Limits.TEXT) String reason) {
	}

	/**
	 * A request as the focal point reads it, sent ({@code OUT}) or received ({@code IN}).
	 */
	public record InternationalRequest(String id, String direction, String peer, String serial, String make,
			String model, String calibre, String firearmType, String countryOfManufacture,
			List<String> photographSha256, String reason, String urgency, String state, Instant requestedAt,
			LocalDate dueOn, boolean overdue, Instant answeredAt, String outcome, String answerReason,
			String answerRecord, String circumstances, String contact) {
	}

	/**
	 * The focal point's queue in numbers, and the peers found inconsistent: for the
	 * dashboard.
	 */
	public record QueueCounts(long waiting, long overdue, long inconsistentPeers) {
	}

	private final Exchange exchange;

	private final CommandKernel.Commands<ExchangeEvent> commands;

	private final RegistryQueries registry;

	private final Tracing tracing;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	InternationalTracing(Exchange exchange, CommandKernel kernel, ExchangeProjection projection,
			RegistryQueries registry, Tracing tracing, JdbcClient jdbc, JsonMapper json) {
		this.exchange = exchange;
		this.commands = kernel.commandsFor(projection);
		this.registry = registry;
		this.tracing = tracing;
		this.jdbc = jdbc;
		this.json = json;
	}

	/** Sends a trace request to a peer; the request's id is its message's. */
	public CommandResult request(RequestTrace c, String actor) {
		return commands.run("request-international-trace", actor, null, c, () -> {
			String recipient = upper(c.recipient());
			String urgency = c.urgency() == null || c.urgency().isBlank() ? "ROUTINE" : upper(c.urgency());
			String countryOfManufacture = blank(c.countryOfManufacture()) ? null : upper(c.countryOfManufacture());
			List<String> photographs = c.photographSha256() == null ? List.of()
					: c.photographSha256()
						.stream()
						.map(h -> h == null ? "" : h.trim().toLowerCase(Locale.ROOT))
						.toList();
			Checks checks = new Checks().require("recipient", recipient)
				.require("serial", blank(c.serial()) ? null : c.serial())
				.require("reason", blank(c.reason()) ? null : c.reason());
			checks.rule(exchange.country().isPresent(), "recipient", ExchangeRule.ExchangeIsConfigured);
			checks.rule(recipient == null || exchange.peer(recipient).isPresent(), "recipient",
					ExchangeRule.RecipientIsAPeer, recipient);
			checks.rule(URGENCIES.contains(urgency), "urgency", ExchangeRule.UrgencyIsKnown, urgency);
			checks.rule(countryOfManufacture == null || CountryCode.isValid(countryOfManufacture),
					"countryOfManufacture", ExchangeRule.PeerCountryIsKnown, countryOfManufacture);
			photographs.stream()
				.filter(h -> !isSha256(h))
				.findFirst()
				.ifPresent(h -> checks.add("photographSha256", ExchangeRule.PhotographHashIsSha256, h));
			if (checks.failed()) {
				return checks.refuse();
			}
			ExchangeEvent.TraceRequestBody request = new ExchangeEvent.TraceRequestBody(c.serial().trim(),
					trim(c.make()), trim(c.model()), trim(c.calibre()), trim(c.firearmType()), countryOfManufacture,
					photographs, c.reason().trim(), urgency);
			ObjectNode body = json.valueToTree(request);
			body.put("circumstances", trim(c.circumstances())).put("contact", trim(c.contact()));
			Exchange.Sealed sealed = exchange.seal(MessageType.TRACE_REQUEST, recipient, body);
			return Decision
				.<ExchangeEvent>record(null,
						new ExchangeEvent.TraceRequestSent(sealed.id(), recipient, sealed.sha256(), sealed.at(),
								request, exchange.dueOn(urgency, sealed.at())))
				.alsoWrite(exchange.outboxRow(sealed))
				.alsoWrite(() -> text(sealed.id(), c.circumstances(), c.contact()));
		});
	}

	/** Answers a peer's request from the focal point's queue. */
	public CommandResult answer(String requestId, AnswerTrace c, String actor) {
		return commands.run("answer-international-trace", actor, null, c, () -> {
			Optional<InternationalRequest> request = request(requestId).filter(r -> r.direction().equals("IN"));
			String outcome = upper(c.outcome());
			Checks checks = new Checks().require("outcome", outcome);
			checks.rule(request.isPresent() && Set.of("WAITING", "DELAYED").contains(request.get().state()),
					"requestId", ExchangeRule.TraceRequestIsOpen, requestId);
			checks.rule(outcome == null || OUTCOMES.contains(outcome), "outcome", ExchangeRule.OutcomeIsKnown, outcome);
			Optional<RegistryQueries.FirearmView> found = blank(c.recordNumber()) ? Optional.empty()
					: registry.firearmIdByRecordNumber(c.recordNumber().trim()).flatMap(registry::firearm);
			checks.rule(!"FOUND".equals(outcome) || found.isPresent(), "recordNumber", ExchangeRule.FoundNamesARecord);
			checks.rule(!Set.of("REFUSED", "DELAYED").contains(outcome) || !blank(c.reason()), "reason",
					ExchangeRule.RefusalGivesAReason);
			if (checks.failed()) {
				return checks.refuse();
			}
			String peer = request.get().peer();
			ExchangeEvent.TraceAnswerBody answer = "FOUND".equals(outcome) ? found(requestId, found.get(), peer)
					: new ExchangeEvent.TraceAnswerBody(requestId, outcome, trim(c.reason()), null, null, null, null,
							null, null, null, null);
			if ("FOUND".equals(outcome) && !blank(c.reason())) {
				answer = new ExchangeEvent.TraceAnswerBody(requestId, outcome, c.reason().trim(), answer.make(),
						answer.model(), answer.calibre(), answer.firearmType(), answer.serial(),
						answer.countryOfManufacture(), answer.year(), answer.lastTransfer());
			}
			Exchange.Sealed sealed = exchange.seal(MessageType.TRACE_ANSWER, peer, json.valueToTree(answer));
			return Decision
				.<ExchangeEvent>record(null,
						new ExchangeEvent.TraceAnswerSent(sealed.id(), peer, sealed.sha256(), sealed.at(), answer))
				.alsoWrite(exchange.outboxRow(sealed));
		});
	}

	/**
	 * What the ITI lets a State share of the record found (art. 20): its manufacture, and
	 * its last legal export to, or import from, the requesting State. Never its holder.
	 */
	private static ExchangeEvent.TraceAnswerBody found(String requestId, RegistryQueries.FirearmView f,
			String requestingState) {
		String lastTransfer = null;
		for (RegistryQueries.TimelineEvent e : f.timeline()) {
			JsonNode fact = e.event();
			if (e.type().endsWith(".firearm-exported") && requestingState.equals(fact.path("toCountry").asString())) {
				lastTransfer = "exported to " + requestingState + " on " + e.occurredOn();
			}
			else if (e.type().endsWith(".firearm-imported")
					&& requestingState.equals(fact.path("fromCountry").asString())) {
				lastTransfer = "imported from " + requestingState + " on " + e.occurredOn();
			}
		}
		return new ExchangeEvent.TraceAnswerBody(requestId, "FOUND", null, f.make(), f.model(), f.calibre(),
				f.type() == null ? null : f.type().name(), f.serial(), f.countryOfManufacture(), f.year(),
				lastTransfer);
	}

	public Optional<InternationalRequest> request(String id) {
		return jdbc.sql(SELECT + " WHERE r.id = ?").param(id).query((rs, n) -> row(rs)).optional();
	}

	/** The request a ledger entry recorded. */
	Optional<String> requestRecordedAt(long seq) {
		return jdbc.sql("SELECT id FROM international_trace_request WHERE last_seq = ?")
			.param(seq)
			.query(String.class)
			.optional();
	}

	/** Requests one way ({@code IN} or {@code OUT}), open ones first, by due date. */
	public List<InternationalRequest> requests(String direction, int limit) {
		return jdbc
			.sql(SELECT + " WHERE r.direction = ? ORDER BY CASE WHEN r.state IN ('WAITING', 'DELAYED') THEN 0 "
					+ "ELSE 1 END, r.due_on, r.requested_at DESC FETCH FIRST " + Math.max(1, Math.min(limit, 1_000))
					+ " ROWS ONLY")
			.param(direction)
			.query((rs, n) -> row(rs))
			.list();
	}

	/** The local engine's candidates for a peer's request. */
	public Matches candidates(InternationalRequest r) {
		return tracing.match(new ObservedMarkings(r.serial(), r.make(), r.model(), r.calibre(), r.firearmType(),
				r.countryOfManufacture(), null, null, null), 10);
	}

	/** Peers' requests waiting for this State's answer, and how many are overdue. */
	public QueueCounts queue() {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		long inconsistent = jdbc.sql("SELECT COUNT(*) FROM exchange_peer WHERE inconsistent IS NOT NULL")
			.query(Long.class)
			.single();
		return jdbc
			.sql("SELECT COUNT(*), COALESCE(SUM(CASE WHEN due_on < ? THEN 1 ELSE 0 END), 0) "
					+ "FROM international_trace_request WHERE direction = 'IN' AND state IN ('WAITING', 'DELAYED')")
			.param(today)
			.query((rs, n) -> new QueueCounts(rs.getLong(1), rs.getLong(2), inconsistent))
			.single();
	}

	private static final String SELECT = "SELECT r.id, r.direction, r.peer, r.serial, r.make, r.model, r.calibre, "
			+ "r.firearm_type, r.country_of_manufacture, r.photograph_sha256, r.reason, r.urgency, r.state, "
			+ "r.requested_at, r.due_on, r.answered_at, r.outcome, r.answer_reason, r.answer_record, t.circumstances, "
			+ "t.contact FROM international_trace_request r LEFT JOIN international_trace_text t ON t.id = r.id";

	private static InternationalRequest row(ResultSet rs) throws SQLException {
		String photographs = rs.getString(10);
		LocalDate due = rs.getObject(15, LocalDate.class);
		String state = rs.getString(13);
		return new InternationalRequest(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
				rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
				photographs == null ? List.of() : Arrays.asList(photographs.split(",")), rs.getString(11),
				rs.getString(12), state, rs.getTimestamp(14).toInstant(), due,
				Set.of("WAITING", "DELAYED").contains(state) && due.isBefore(LocalDate.now(ZoneOffset.UTC)),
				rs.getTimestamp(16) == null ? null : rs.getTimestamp(16).toInstant(), rs.getString(17),
				rs.getString(18), rs.getString(19), rs.getString(20), rs.getString(21));
	}

	private void text(String id, String circumstances, String contact) {
		jdbc.sql("INSERT INTO international_trace_text (id, circumstances, contact) VALUES (?, ?, ?)")
			.params(id, trim(circumstances), trim(contact))
			.update();
	}

	static boolean isSha256(String hash) {
		return hash != null && hash.matches("[0-9a-f]{64}");
	}

	private static boolean blank(String value) {
		return value == null || value.isBlank();
	}

	private static String trim(String value) {
		return blank(value) ? null : value.trim();
	}

	private static String upper(String value) {
		return blank(value) ? null : value.trim().toUpperCase(Locale.ROOT);
	}

}
