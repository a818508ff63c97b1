package org.armstrace.tracing;

import java.net.URI;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.armstrace.command.CommandResponses;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Words;
import org.armstrace.command.Limits;
import org.armstrace.identity.AccessLog;
import org.armstrace.identity.Actors;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
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
import jakarta.validation.constraints.Size;

/**
 * Tracing over HTTP: search by observed markings, chains of custody, trace requests and
 * investigation cases.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Tracing", description = "From observed markings to the record, the chain of custody and the trace request")
class TracingController {

	/**
	 * The candidates, and how many ledger entries the index had not applied when it
	 * searched (0: current) with, when it had not, the English notice that says so.
	 */
	record SearchResult(ObservedMarkings observed, List<Candidate> candidates, long indexBehind, String indexNotice) {
	}

	record Assignment(@Size(max = Limits.SHORT) String unit) {
	}

	record Confirmation(UUID firearmId) {
	}

	record UnresolvedReason(@Size(max = Limits.TEXT) String reason) {
	}

	record Note(@Size(max = Limits.TEXT) String note) {
	}

	record NewPerson(@Size(max = Limits.NAME) String name, @Size(max = Limits.COUNTRY) String nationality,
			@Size(max = Limits.CODE) String role) {
	}

	static final String KEY = CommandResponses.IDEMPOTENCY_KEY;

	private final Tracing tracing;

	private final CustodyChains chains;

	private final TraceRequests requests;

	private final TraceRequestQueries queries;

	private final CommandResponses responses;

	private final TraceReports reports;

	private final AccessLog accessLog;

	private final Actors actors;

	private final Words words;

	TracingController(Tracing tracing, CustodyChains chains, TraceRequests requests, TraceRequestQueries queries,
			AccessLog accessLog, Actors actors, CommandResponses responses, TraceReports reports, Words words) {
		this.words = words;
		this.reports = reports;
		this.queries = queries;
		this.responses = responses;
		this.tracing = tracing;
		this.chains = chains;
		this.requests = requests;
		this.accessLog = accessLog;
		this.actors = actors;
	}

	@Operation(summary = "Ranked candidate records for observed markings ('?' one unreadable character, '*' a run)")
	@PostMapping("/trace/search")
	ResponseEntity<?> search(@RequestBody ObservedMarkings observed, @RequestParam(defaultValue = "10") int limit,
			Principal who, @RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		Matches matches = tracing.match(observed, limit);
		if (matches.refused()) {
			return responses.refused(new CommandResult.Rejected(matches.refusals()), refusal -> false);
		}
		accessLog.record(who, AccessLog.Action.SEARCH, "trace search",
				"serial=" + observed.serial() + " make=" + observed.make(), purpose, matches.candidates().size());
		return ResponseEntity.ok(new SearchResult(observed, matches.candidates(), matches.indexBehind(),
				matches.isBehind() ? words.english(new IndexLag(matches.indexBehind())) : null));
	}

	@Operation(summary = "A firearm's chain of custody: legal holders, point of diversion, time-to-crime and flags")
	@GetMapping("/trace/custody-chains/{firearmId}")
	CustodyChain chain(@PathVariable UUID firearmId,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate recoveredOn,
			@RequestParam(required = false) String observedSerial, Principal who,
			@RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		CustodyChain chain = chains
			.of(firearmId, observedSerial == null ? null : ObservedMarkings.ofSerial(observedSerial, null), recoveredOn)
			.orElseThrow(() -> new NoSuchElementException("no firearm " + firearmId));
		accessLog.record(who, AccessLog.Action.READ, "custody chain " + firearmId, null, purpose, 1);
		return chain;
	}

	@Operation(summary = "Open a trace request (it opens an investigation case, or joins the one named)")
	@PostMapping("/trace-requests")
	ResponseEntity<?> open(@RequestBody TraceRequests.OpenTraceRequest body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		if (body == null) {
			throw new IllegalArgumentException("body: give the trace request as JSON");
		}
		return answer(requests.open(body, actors.of(who), key), who);
	}

	@Operation(summary = "Trace requests, newest first, or the overdue ones by due date")
	@GetMapping("/trace-requests")
	List<TraceRequestQueries.TraceRequestSummary> list(@RequestParam(required = false) TraceRequestState state,
			@RequestParam(defaultValue = "false") boolean overdue, @RequestParam(defaultValue = "100") int limit,
			Principal who) {
		List<TraceRequestQueries.TraceRequestSummary> found = queries.list(state, overdue, limit);
		accessLog.record(who, AccessLog.Action.SEARCH, "trace requests", "state=" + state + " overdue=" + overdue, null,
				found.size());
		return found;
	}

	@GetMapping("/trace-requests/{id}")
	TraceRequestQueries.TraceRequestView get(@PathVariable UUID id, Principal who,
			@RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		TraceRequestQueries.TraceRequestView view = queries.find(id)
			.orElseThrow(() -> new NoSuchElementException("no trace request " + id));
		accessLog.record(who, AccessLog.Action.READ, "trace request " + view.reference(), null, purpose, 1);
		return view;
	}

	@PostMapping("/trace-requests/{id}/assignment")
	ResponseEntity<?> assign(@PathVariable UUID id, @RequestBody Assignment body, Principal who) {
		return answer(requests.assign(id, body == null ? null : body.unit(), actors.of(who)), who);
	}

	@PostMapping("/trace-requests/{id}/confirmation")
	ResponseEntity<?> confirm(@PathVariable UUID id, @RequestBody Confirmation body, Principal who) {
		return answer(requests.confirm(id, body == null ? null : body.firearmId(), actors.of(who)), who);
	}

	@PostMapping("/trace-requests/{id}/unresolved")
	ResponseEntity<?> unresolved(@PathVariable UUID id, @RequestBody UnresolvedReason body, Principal who) {
		return answer(requests.unresolved(id, body == null ? null : body.reason(), actors.of(who)), who);
	}

	@Operation(summary = "Answer the request: the confirmed record's chain and flags are frozen into it")
	@PostMapping("/trace-requests/{id}/answer")
	ResponseEntity<?> answer(@PathVariable UUID id, Principal who) {
		return answer(requests.answer(id, actors.of(who)), who);
	}

	@PostMapping("/trace-requests/{id}/closure")
	ResponseEntity<?> close(@PathVariable UUID id, @RequestBody(required = false) Note body, Principal who) {
		return answer(requests.close(id, body == null ? null : body.note(), actors.of(who)), who);
	}

	@Operation(summary = "The trace report as PDF (holder names included: state a purpose)")
	@GetMapping(value = "/trace-requests/{id}/report.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> pdf(@PathVariable UUID id, Principal who,
			@RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purposeHeader,
			@RequestParam(required = false) String purpose) {
		String stated = purposeHeader != null && !purposeHeader.isBlank() ? purposeHeader : purpose;
		if (stated == null || stated.isBlank()) {
			throw new IllegalArgumentException(AccessLog.PURPOSE_HEADER
					+ ": state why you export this report (it names holders), e.g. a case number");
		}
		TraceRequestQueries.TraceRequestView view = queries.find(id)
			.orElseThrow(() -> new NoSuchElementException("no trace request " + id));
		byte[] pdf = reports.pdf(view);
		accessLog.record(who, AccessLog.Action.EXPORT, "trace report " + view.reference() + " (PDF)", null, stated, 1);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + view.reference() + ".pdf\"")
			.contentType(MediaType.APPLICATION_PDF)
			.body(pdf);
	}

	@Operation(summary = "The trace report as JSON: the request with its frozen answer")
	@GetMapping(value = "/trace-requests/{id}/report.json", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<TraceRequestQueries.TraceRequestView> json(@PathVariable UUID id, Principal who,
			@RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		TraceRequestQueries.TraceRequestView view = queries.find(id)
			.orElseThrow(() -> new NoSuchElementException("no trace request " + id));
		accessLog.record(who, AccessLog.Action.EXPORT, "trace report " + view.reference() + " (JSON)", null, purpose,
				1);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + view.reference() + ".json\"")
			.body(view);
	}

	@Operation(summary = "An investigation case: its traces, weapons, persons, and other traces of its weapons")
	@GetMapping("/investigation-cases/{reference}")
	TraceRequestQueries.InvestigationCase investigationCase(@PathVariable String reference, Principal who,
			@RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		if (purpose == null || purpose.isBlank()) {
			throw new IllegalArgumentException(
					AccessLog.PURPOSE_HEADER + ": state why you consult this case (it names persons)");
		}
		TraceRequestQueries.InvestigationCase found = queries.investigationCase(reference)
			.orElseThrow(() -> new NoSuchElementException("no investigation case " + reference));
		accessLog.record(who, AccessLog.Action.READ, "investigation case " + reference, null, purpose, 1);
		return found;
	}

	@Operation(summary = "Gather financial information into a case (DP 36-37): kind (ACCOUNT, TRANSFER, PAYMENT, "
			+ "CASH, ASSET), amount, currency, date; the account, counterparty and description stay off the ledger")
	@PostMapping("/investigation-cases/{reference}/financial-information")
	ResponseEntity<?> recordMoney(@PathVariable String reference, @RequestBody TraceRequests.RecordMoney body,
			Principal who) {
		if (body == null) {
			throw new IllegalArgumentException("body: give the financial information as JSON");
		}
		CommandResult result = requests.recordMoney(reference, body, actors.of(who));
		return switch (result) {
			case CommandResult.Accepted a -> ResponseEntity.status(HttpStatus.CREATED)
				.header("Ledger-Entries", a.ledgerSeqs().toString())
				.body(Map.of("caseReference", reference));
			case CommandResult.Rejected r -> refused(r);
		};
	}

	@PostMapping("/investigation-cases/{reference}/persons")
	ResponseEntity<?> addPerson(@PathVariable String reference, @RequestBody NewPerson body, Principal who) {
		if (body == null) {
			throw new IllegalArgumentException("body: give the person as JSON");
		}
		CommandResult result = requests.addPerson(reference, body.name(), body.nationality(), body.role(),
				actors.of(who));
		return switch (result) {
			case CommandResult.Accepted a -> ResponseEntity.status(HttpStatus.CREATED)
				.header("Ledger-Entries", a.ledgerSeqs().toString())
				.body(Map.of("caseReference", reference));
			case CommandResult.Rejected r -> refused(r);
		};
	}

	private ResponseEntity<?> answer(CommandResult result, Principal who) {
		return switch (result) {
			case CommandResult.Accepted a -> ResponseEntity.status(a.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
				.location(URI.create("/api/v1/trace-requests/" + a.subjectId()))
				.header("Ledger-Entries", a.ledgerSeqs().toString())
				.body(queries.find(a.subjectId()).orElseThrow());
			case CommandResult.Rejected r -> refused(r);
		};
	}

	private ResponseEntity<ProblemDetail> refused(CommandResult.Rejected r) {
		return responses.refused(r, v -> v.rule() == TracingRule.TraceRequestMustExist);
	}

}
