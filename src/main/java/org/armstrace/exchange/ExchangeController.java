package org.armstrace.exchange;

import java.security.Principal;
import java.util.List;
import java.util.Map;

import org.armstrace.command.CommandResponses;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Refusal;
import org.armstrace.command.Words;
import org.armstrace.identity.AccessLog;
import org.armstrace.identity.Actors;
import org.armstrace.ledger.NodeSignatures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The exchange over HTTP: the inbox other nodes deliver to (authenticated by each
 * message's signature, not by a token), this node's identity, its peers, and what peers
 * sent (notices, hits) and what it delivered.
 */
@RestController
@RequestMapping("/api/v1/exchange")
@Tag(name = "Exchange", description = "Signed messages between States' nodes: lost and stolen notices, hits")
class ExchangeController {

	private static final Logger log = LoggerFactory.getLogger(ExchangeController.class);

	/** The longest envelope the inbox reads. */
	static final int MAX_ENVELOPE = 20_000;

	private final Exchange exchange;

	private final Notices notices;

	private final Outbox outbox;

	private final NodeSignatures signatures;

	private final Actors actors;

	private final AccessLog accessLog;

	private final CommandResponses responses;

	private final Words words;

	ExchangeController(Exchange exchange, Notices notices, Outbox outbox, NodeSignatures signatures, Actors actors,
			AccessLog accessLog, CommandResponses responses, Words words) {
		this.exchange = exchange;
		this.notices = notices;
		this.outbox = outbox;
		this.signatures = signatures;
		this.actors = actors;
		this.accessLog = accessLog;
		this.responses = responses;
		this.words = words;
	}

	record Identity(String country, String verifierKey) {
	}

	@Operation(summary = "This node's State and the verifier key its messages are signed with (open to anyone)")
	@GetMapping("/identity")
	Identity identity() {
		return new Identity(exchange.country().orElse(null), signatures.verifierKey());
	}

	@Operation(summary = "Deliver a signed message (a compact JWS, EdDSA): taken once, refused when its sender is "
			+ "not a peer, its signature does not verify, it is addressed elsewhere, too old or malformed")
	@PostMapping(value = "/inbox", consumes = { "application/jose", "text/plain" })
	ResponseEntity<?> inbox(@RequestBody(required = false) String envelope) {
		if (envelope != null && envelope.length() > MAX_ENVELOPE) {
			return refused(Refusal.of("envelope", ExchangeRule.MessageIsWellFormed, "longer than " + MAX_ENVELOPE));
		}
		return switch (exchange.receive(envelope)) {
			case Exchange.Receipt.Received r ->
				ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("messageId", r.messageId(), "type", r.type()));
			case Exchange.Receipt.AlreadyReceived r ->
				ResponseEntity.ok(Map.of("messageId", r.messageId(), "alreadyReceived", true));
			case Exchange.Receipt.Refused r -> refused(r.refusal());
		};
	}

	private ResponseEntity<ProblemDetail> refused(Refusal refusal) {
		String message = words.text(refusal);
		log.warn("Exchange message refused: {}", message);
		accessLog.record(null, AccessLog.Action.REFUSED, "exchange inbox", message, null, 0);
		HttpStatus status = switch ((ExchangeRule) refusal.rule()) {
			case SenderIsAPeer -> HttpStatus.FORBIDDEN;
			case SignatureVerifies -> HttpStatus.UNAUTHORIZED;
			case MessageIsFresh -> HttpStatus.CONFLICT;
			case MessageIsWellFormed -> HttpStatus.BAD_REQUEST;
			default -> HttpStatus.UNPROCESSABLE_CONTENT;
		};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
		problem.setTitle("Message refused");
		problem.setProperty("violations", List
			.of(new CommandResponses.Violation(refusal.field(), refusal.rule().toString(), message, refusal.values())));
		return ResponseEntity.status(status).body(problem);
	}

	@Operation(summary = "The peers this node exchanges with")
	@GetMapping("/peers")
	List<Exchange.Peer> peers() {
		return exchange.peers();
	}

	@Operation(summary = "Trust a peer: its State, base URL and verifier key (as its /api/v1/exchange/identity gives)")
	@PostMapping("/peers")
	ResponseEntity<?> configurePeer(@RequestBody Exchange.ConfigurePeer body, Principal who) {
		CommandResult result = exchange.configurePeer(body, actors.of(who));
		return responses.answer(result, "/api/v1/exchange/peers/",
				id -> exchange.peer(body.country().trim().toUpperCase()), r -> false);
	}

	@Operation(summary = "Other States' lost and stolen notices kept here, newest first (at most 1,000)")
	@GetMapping("/notices")
	List<Notices.ForeignNotice> foreignNotices() {
		return notices.foreignNotices(1_000);
	}

	@Operation(summary = "Hits other States notified on this State's notices, newest first (at most 1,000)")
	@GetMapping("/hits")
	List<Notices.HitNotified> hits() {
		return notices.hits(1_000);
	}

	@Operation(summary = "The latest messages in the outbox with their delivery state (at most 200)")
	@GetMapping("/outbox")
	List<Outbox.Delivery> deliveries() {
		return outbox.deliveries(200);
	}

}
