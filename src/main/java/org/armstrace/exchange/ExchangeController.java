package org.armstrace.exchange;

import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.armstrace.command.CommandResponses;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Limits;
import org.armstrace.command.Refusal;
import org.armstrace.command.Words;
import org.armstrace.identity.AccessLog;
import org.armstrace.identity.Actors;
import org.armstrace.ledger.NodeSignatures;
import org.armstrace.tracing.Candidate;
import org.armstrace.tracing.Matches;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Size;

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

	private final InternationalTracing tracing;

	private final Witness witness;

	private final TransferMessages transferMessages;

	ExchangeController(Exchange exchange, Notices notices, Outbox outbox, NodeSignatures signatures, Actors actors,
			AccessLog accessLog, CommandResponses responses, Words words, InternationalTracing tracing, Witness witness,
			TransferMessages transferMessages) {
		this.transferMessages = transferMessages;
		this.tracing = tracing;
		this.witness = witness;
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
			case Exchange.Receipt.Received r -> {
				accessLog.record(null, AccessLog.Action.READ, "exchange message received",
						r.type() + " " + r.messageId(), "international exchange", 1);
				yield ResponseEntity.status(HttpStatus.ACCEPTED)
					.body(Map.of("messageId", r.messageId(), "type", r.type()));
			}
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
			case PeerLedgerIsConsistent -> HttpStatus.LOCKED;
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

	/**
	 * A request, with the local engine's candidates when a peer sent it, and how many
	 * ledger entries the index had not yet applied (0: none missed).
	 */
	record RequestView(InternationalTracing.InternationalRequest request, List<Candidate> candidates,
			long indexBehind) {
	}

	@Operation(summary = "Ask a peer to trace a firearm (ITI art. 17): markings as read ('?' one unreadable "
			+ "character, '*' a run), type, calibre, photographs' SHA-256, reason, urgency, circumstances, contact")
	@PostMapping("/trace-requests")
	ResponseEntity<?> requestTrace(@RequestBody InternationalTracing.RequestTrace body, Principal who) {
		CommandResult result = tracing.request(body, actors.of(who));
		if (result instanceof CommandResult.Accepted accepted) {
			String id = requestAt(accepted);
			accessLog.record(who, AccessLog.Action.EXPORT, "international trace request", body.recipient(),
					"international tracing", 1);
			return ResponseEntity.created(URI.create("/api/v1/exchange/trace-requests/" + id))
				.body(tracing.request(id).orElseThrow());
		}
		return responses.answer(result, "/api/v1/exchange/trace-requests/", id -> Optional.empty(), r -> false);
	}

	@Operation(summary = "International trace requests, sent (direction=OUT) or received (IN), open ones first by "
			+ "due date (at most 1,000)")
	@GetMapping("/trace-requests")
	List<InternationalTracing.InternationalRequest> traceRequests(@RequestParam(defaultValue = "IN") String direction) {
		return tracing.requests("OUT".equalsIgnoreCase(direction) ? "OUT" : "IN", 1_000);
	}

	@Operation(summary = "One international trace request; a received one with this registry's candidates")
	@GetMapping("/trace-requests/{id}")
	ResponseEntity<RequestView> traceRequest(@PathVariable @Size(max = 40) String id) {
		return tracing.request(id).map(r -> {
			Matches matches = r.direction().equals("IN") ? tracing.candidates(r) : null;
			return ResponseEntity.ok(new RequestView(r, matches == null ? List.of() : matches.candidates(),
					matches == null ? 0 : matches.indexBehind()));
		}).orElseGet(() -> ResponseEntity.notFound().build());
	}

	@Operation(summary = "Answer a peer's trace request: FOUND (recordNumber), NOT_FOUND, or REFUSED / DELAYED "
			+ "with the reason (ITI arts. 20-21); what is shared of a record never names its holder")
	@PostMapping("/trace-requests/{id}/answer")
	ResponseEntity<?> answerTrace(@PathVariable @Size(max = 40) String id,
			@RequestBody InternationalTracing.AnswerTrace body, Principal who) {
		Optional<InternationalTracing.InternationalRequest> request = tracing.request(id);
		CommandResult result = tracing.answer(id, body, actors.of(who));
		if (result instanceof CommandResult.Accepted && request.isPresent()) {
			accessLog.record(who, AccessLog.Action.EXPORT, "international trace answer",
					request.get().peer() + " " + body.outcome(), "international tracing", 1);
			return ResponseEntity.ok(tracing.request(id).orElseThrow());
		}
		return responses.answer(result, "/api/v1/exchange/trace-requests/", x -> Optional.empty(),
				r -> r.rule() == ExchangeRule.TraceRequestIsOpen && request.isEmpty());
	}

	@Operation(summary = "What this node knows of each peer's log: the tree size it last accepted and cosigned, "
			+ "when, the last error, and whether the peer was found inconsistent")
	@GetMapping("/witness")
	List<Witness.Status> witnessStatus() {
		return witness.statuses();
	}

	@Operation(summary = "Witness every peer's log now (it is also done on a schedule)")
	@PostMapping("/witness")
	List<Witness.Status> witnessNow() {
		return witness.witnessAll();
	}

	record CosignatureBody(@Size(max = Limits.COUNTRY) String witness, @Max(Long.MAX_VALUE) long treeSize,
			@Size(max = 400) String cosignature) {
	}

	@Operation(summary = "A peer, as witness, gives this node its cosignature of one of this node's checkpoints "
			+ "(C2SP tlog-cosignature; open to anyone, checked against the peer's key)")
	@PostMapping("/cosignatures")
	ResponseEntity<?> cosignature(@RequestBody CosignatureBody body) {
		if (witness.takeCosignature(body.witness(), body.treeSize(), body.cosignature())) {
			return ResponseEntity.accepted().build();
		}
		return refused(Refusal.of("cosignature", ExchangeRule.CosignatureVerifies, String.valueOf(body.witness())));
	}

	@Operation(summary = "This node's latest checkpoint with its peers' cosignatures, as one C2SP signed note")
	@GetMapping(value = "/checkpoint", produces = MediaType.TEXT_PLAIN_VALUE)
	ResponseEntity<String> cosignedCheckpoint() {
		return witness.cosignedCheckpoint().map(ResponseEntity::ok).orElseGet(() -> ResponseEntity.notFound().build());
	}

	@Operation(summary = "Confirm to the exporting State that one of its consignments arrived, line by line, as "
			+ "its papers number them (Firearms Protocol art. 10(4)): its node records the receipt")
	@PostMapping("/receipt-confirmations")
	ResponseEntity<?> confirmReceipt(@RequestBody TransferMessages.ConfirmReceipt body, Principal who) {
		return sent(transferMessages.confirmReceipt(body, actors.of(who)));
	}

	@Operation(summary = "Share information with a peer unasked (DP 40); the text stays off the ledger")
	@PostMapping("/information")
	ResponseEntity<?> sendInformation(@RequestBody Exchange.SendInformation body, Principal who) {
		CommandResult result = exchange.sendInformation(body, actors.of(who));
		if (result instanceof CommandResult.Accepted) {
			accessLog.record(who, AccessLog.Action.EXPORT, "spontaneous information", body.recipient(),
					"international information sharing", 1);
		}
		return sent(result);
	}

	@Operation(summary = "Spontaneous information sent and received, newest first (at most 200)")
	@GetMapping("/information")
	List<Exchange.Information> information() {
		return exchange.information(200);
	}

	private ResponseEntity<?> sent(CommandResult result) {
		if (result instanceof CommandResult.Accepted accepted) {
			return ResponseEntity.accepted()
				.body(Map.of("messageId", exchange.messageRecordedAt(accepted.ledgerSeqs().getFirst()).orElseThrow()));
		}
		return responses.answer(result, "/api/v1/exchange/outbox/", id -> Optional.empty(), r -> false);
	}

	private String requestAt(CommandResult.Accepted accepted) {
		return tracing.requestRecordedAt(accepted.ledgerSeqs().getFirst()).orElseThrow();
	}

}
