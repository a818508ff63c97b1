package org.armstrace.seizure;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.armstrace.command.CommandResponses;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Limits;
import org.armstrace.identity.AccessLog;
import org.armstrace.identity.Actors;
import org.armstrace.reference.NonIndustrialKind;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * Seizures over HTTP: record one (the protocol runs), custody and holds, the destruction
 * gate, IAFQ data.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Seizures", description = "Recovery protocol, evidence custody, judicial holds, destruction, IAFQ data")
class SeizureController {

	record DestructionCheck(UUID itemId, boolean mayBeDestroyed, List<CommandResponses.Violation> missing) {
	}

	private final Seizures seizures;

	private final EvidenceCustody custody;

	private final DestructionGate destruction;

	private final CommandResponses responses;

	private final SeizureQueries queries;

	private final IafqExport iafq;

	private final AccessLog accessLog;

	private final Actors actors;

	private final CustodyExports exports;

	/** The most items a custody search answers. */
	static final int MAX_SEARCH = 1000;

	SeizureController(Seizures seizures, EvidenceCustody custody, DestructionGate destruction, SeizureQueries queries,
			IafqExport iafq, AccessLog accessLog, Actors actors, CommandResponses responses, CustodyExports exports) {
		this.exports = exports;
		this.seizures = seizures;
		this.custody = custody;
		this.destruction = destruction;
		this.responses = responses;
		this.queries = queries;
		this.iafq = iafq;
		this.accessLog = accessLog;
		this.actors = actors;
	}

	@Operation(summary = "Record a seizure; every firearm and marked part goes through the recovery protocol")
	@PostMapping("/seizures")
	ResponseEntity<?> record(@RequestBody Seizures.RecordSeizure body, Principal who,
			@RequestHeader(name = CommandResponses.IDEMPOTENCY_KEY, required = false) String key) {
		if (body == null) {
			throw new IllegalArgumentException("body: give the seizure as JSON");
		}
		return switch (seizures.record(body, actors.of(who), key)) {
			case CommandResult.Accepted a -> ResponseEntity.created(URI.create("/api/v1/seizures/" + a.subjectId()))
				.body(queries.seizure(a.subjectId()).orElseThrow());
			case CommandResult.Rejected r -> refused(r);
		};
	}

	@Operation(
			summary = "A seizure with its persons and items, each item with its protocol checklist (names persons: state a purpose)")
	@GetMapping("/seizures/{id}")
	SeizureQueries.SeizureView seizure(@PathVariable UUID id, Principal who,
			@RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		if (purpose == null || purpose.isBlank()) {
			throw new IllegalArgumentException(
					AccessLog.PURPOSE_HEADER + ": state why you consult this seizure (it names persons)");
		}
		SeizureQueries.SeizureView view = queries.seizure(id)
			.orElseThrow(() -> new NoSuchElementException("no seizure " + id));
		accessLog.record(who, AccessLog.Action.READ, "seizure " + view.reference(), null, purpose, 1);
		return view;
	}

	@Operation(summary = "A seized item: custody, holds and the recovery protocol checklist")
	@GetMapping("/seized-items/{id}")
	SeizureQueries.ItemView item(@PathVariable UUID id, Principal who,
			@RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		SeizureQueries.ItemView view = queries.item(id)
			.orElseThrow(() -> new NoSuchElementException("no seized item " + id));
		accessLog.record(who, AccessLog.Action.READ, "seized item " + view.reference(), null, purpose, 1);
		return view;
	}

	@PostMapping("/seized-items/{id}/custody-events")
	ResponseEntity<?> custody(@PathVariable UUID id, @RequestBody EvidenceCustody.RecordCustodyEvent body,
			Principal who) {
		return onItem(custody.recordCustodyEvent(id, body, actors.of(who)));
	}

	@PostMapping("/seized-items/{id}/judicial-holds")
	ResponseEntity<?> hold(@PathVariable UUID id, @RequestBody EvidenceCustody.PlaceHold body, Principal who) {
		return onItem(custody.placeHold(id, body, actors.of(who)));
	}

	@PostMapping("/seized-items/{id}/hold-releases")
	ResponseEntity<?> release(@PathVariable UUID id, @RequestBody EvidenceCustody.ReleaseHold body, Principal who) {
		return onItem(custody.releaseHold(id, body, actors.of(who)));
	}

	@Operation(summary = "What an item still misses before it may be destroyed")
	@GetMapping("/seized-items/{id}/destruction-check")
	DestructionCheck check(@PathVariable UUID id) {
		List<CommandResponses.Violation> missing = responses
			.violations(destruction.missingForDestruction(id, LocalDate.now())
				.orElseThrow(() -> new NoSuchElementException("no seized item " + id)));
		return new DestructionCheck(id, missing.isEmpty(), missing);
	}

	@Operation(summary = "Propose to destroy seized items in one batch: refused, with every missing condition, "
			+ "unless all may be; carried out when another person approves it")
	@PostMapping("/seized-items/destructions")
	ResponseEntity<?> propose(@RequestBody DestructionGate.DestroyItems body, Principal who) {
		if (body == null) {
			throw new IllegalArgumentException("body: give the items, method, witnesses and date as JSON");
		}
		return switch (destruction.propose(body, actors.of(who))) {
			case CommandResult.Accepted a ->
				ResponseEntity.created(URI.create("/api/v1/seized-items/destructions/" + a.subjectId()))
					.body(destruction.proposal(a.subjectId()).orElseThrow());
			case CommandResult.Rejected r -> refused(r);
		};
	}

	@Operation(summary = "Proposed destructions awaiting approval")
	@GetMapping("/seized-items/destructions")
	List<DestructionGate.Proposal> proposals() {
		return destruction.awaitingApproval();
	}

	@Operation(summary = "Approve another person's proposed destruction: its items are destroyed now")
	@PostMapping("/seized-items/destructions/{id}/approval")
	ResponseEntity<?> approve(@PathVariable UUID id, Principal who) {
		return switch (destruction.approve(id, actors.of(who))) {
			case CommandResult.Accepted a -> ResponseEntity.status(HttpStatus.CREATED)
				.body(Map.of("batchId", a.subjectId(), "destroyed",
						destruction.proposal(id).orElseThrow().itemIds().size(), "ledgerEntries", a.ledgerSeqs()));
			case CommandResult.Rejected r -> responses.refused(r, v -> v.rule() == SeizureRule.ProposalMustExist);
		};
	}

	@Operation(summary = "Items in custody by storage location and status, "
			+ "optionally of one non-industrial design (entry code) or kind of design")
	@GetMapping("/custody/items")
	List<SeizureQueries.ItemView> inCustody(@RequestParam(required = false) String location,
			@RequestParam(required = false) CustodyStatus status, @RequestParam(required = false) String entry,
			@RequestParam(required = false) NonIndustrialKind kind, @RequestParam(defaultValue = "1000") int limit,
			Principal who, @RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		// the bulk of it goes through an approved export (POST /custody/exports)
		List<SeizureQueries.ItemView> items = queries.inCustody(location, status, entry, kind,
				Math.min(limit, MAX_SEARCH));
		accessLog.record(who, AccessLog.Action.SEARCH, "items in custody",
				"location=" + location + " status=" + status + " entry=" + entry + " kind=" + kind, purpose,
				items.size());
		return items;
	}

	/** What an export of items in custody is to hold, and why it is asked for. */
	record ExportRequest(@Size(max = Limits.NAME) String location, CustodyStatus status,
			@Size(max = Limits.TEXT) String purpose) {
	}

	@Operation(summary = "Ask for items in custody as CSV (it names custodians): another person approves it")
	@PostMapping("/custody/exports")
	ResponseEntity<?> requestExport(@Valid @RequestBody ExportRequest body, Principal who) {
		return switch (exports.request(body.location(), body.status(), body.purpose(), who)) {
			case CommandResult.Accepted a ->
				ResponseEntity.created(URI.create("/api/v1/custody/exports/" + a.subjectId()))
					.body(exports.find(a.subjectId()).orElseThrow());
			case CommandResult.Rejected r -> refused(r);
		};
	}

	@Operation(summary = "Approve another person's export of items in custody")
	@PostMapping("/custody/exports/{id}/approval")
	ResponseEntity<?> approveExport(@PathVariable UUID id, Principal who) {
		return switch (exports.approve(id, who)) {
			case CommandResult.Accepted a -> ResponseEntity.ok(exports.find(id).orElseThrow());
			case CommandResult.Rejected r -> responses.refused(r, v -> v.rule() == SeizureRule.ProposalMustExist);
		};
	}

	@Operation(summary = "The approved export as CSV: once, for whoever asked for it")
	@GetMapping("/custody/exports/{id}/items.csv")
	ResponseEntity<?> downloadExport(@PathVariable UUID id, Principal who) {
		return exports.download(id, who)
			.<ResponseEntity<?>>map(csv -> Downloads.csv("custody.csv", csv))
			.orElseGet(() -> responses.refused(new CommandResult.Rejected(List.of(CustodyExports.notDownloadable(id))),
					v -> false));
	}

	@Operation(summary = "Judicial deadlines: holds ending within the days given, and overdue ones")
	@GetMapping("/custody/deadlines")
	List<SeizureQueries.Deadline> deadlines(@RequestParam(defaultValue = "30") int days, Principal who,
			@RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		if (days < 0 || days > 3650) {
			throw new IllegalArgumentException("days: between 0 and 3650, was " + days);
		}
		List<SeizureQueries.Deadline> deadlines = queries.deadlines(days);
		accessLog.record(who, AccessLog.Action.SEARCH, "judicial deadlines", "days=" + days, purpose, deadlines.size());
		return deadlines;
	}

	@Operation(summary = "IAFQ seized-item data for a period: format xlsx, csv (counted tables) or items.csv")
	@GetMapping("/iafq")
	ResponseEntity<byte[]> iafq(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(defaultValue = "xlsx") String format, Principal who) {
		IafqExport.Report report = iafq.report(from, to);
		accessLog.record(who, AccessLog.Action.EXPORT, "IAFQ " + from + ".." + to + " (" + format + ")", null, null,
				report.items().size());
		return Downloads.iafq(iafq, report, format);
	}

	private ResponseEntity<?> onItem(CommandResult result) {
		return switch (result) {
			case CommandResult.Accepted a -> ResponseEntity.status(HttpStatus.CREATED)
				.header("Ledger-Entries", a.ledgerSeqs().toString())
				.body(queries.item(a.subjectId()).orElseThrow());
			case CommandResult.Rejected r -> refused(r);
		};
	}

	private ResponseEntity<ProblemDetail> refused(CommandResult.Rejected r) {
		return responses.refused(r, v -> v.rule() == SeizureRule.ItemMustExist);
	}

}
