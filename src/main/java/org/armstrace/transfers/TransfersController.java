package org.armstrace.transfers;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;

import org.armstrace.command.CommandResponses;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Refusal;
import org.armstrace.command.Words;
import org.armstrace.csv.CsvWriter;
import org.armstrace.identity.Actors;
import org.armstrace.transfers.AuthorisationQueries.Alert;
import org.armstrace.transfers.AuthorisationQueries.AuthorisationSummary;
import org.armstrace.transfers.AuthorisationQueries.AuthorisationView;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Export, import and transit authorisations, consignments and reconciliation over HTTP.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Transfers", description = "Export, import and transit authorisations (Firearms Protocol art. 10), "
		+ "consignments, receipts and diversion alerts")
class TransfersController {

	private static final String KEY = CommandResponses.IDEMPOTENCY_KEY;

	private static final String PATH = "/api/v1/transfer-authorisations/";

	private static final Predicate<Refusal> MISSING = r -> r.rule() == TransfersRule.AuthorisationMustExist
			&& r.field().equals("authorisationId")
			|| r.rule() == TransfersRule.ConsignmentMustExist && r.field().equals("consignmentId");

	private final Authorisations authorisations;

	private final Consignments consignments;

	private final AuthorisationQueries queries;

	private final Actors actors;

	private final CommandResponses responses;

	private final AuthorisationVerification verification;

	private final Words words;

	TransfersController(Authorisations authorisations, Consignments consignments, AuthorisationQueries queries,
			Actors actors, CommandResponses responses, AuthorisationVerification verification, Words words) {
		this.verification = verification;
		this.words = words;
		this.authorisations = authorisations;
		this.consignments = consignments;
		this.queries = queries;
		this.actors = actors;
		this.responses = responses;
	}

	@Operation(summary = "Apply for an export, import or transit authorisation with the content of art. 10(3)")
	@PostMapping("/transfer-authorisations")
	ResponseEntity<?> apply(@RequestBody Authorisations.Apply body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(authorisations.apply(body, actors.of(who), key));
	}

	@Operation(summary = "Authorisations, newest first (at most 500), by kind and state")
	@GetMapping("/transfer-authorisations")
	List<AuthorisationSummary> list(@RequestParam(required = false) TransferKind kind,
			@RequestParam(required = false) AuthorisationState state) {
		return queries.list(kind, state);
	}

	@Operation(summary = "An authorisation with its lines, consents, end-user certificate, risk assessment and "
			+ "consignments")
	@GetMapping("/transfer-authorisations/{id}")
	AuthorisationView authorisation(@PathVariable UUID id) {
		return queries.authorisation(id).orElseThrow(() -> new NoSuchElementException("no authorisation " + id));
	}

	@Operation(summary = "For an export: the importing State's authorisation it rests on, and how it was verified")
	@PostMapping("/transfer-authorisations/{id}/import-authorisation")
	ResponseEntity<?> importAuthorisation(@PathVariable UUID id,
			@RequestBody Authorisations.RecordImportAuthorisation body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(authorisations.recordImportAuthorisation(id, body, actors.of(who), key));
	}

	@Operation(summary = "A transit State's notice of no objection")
	@PostMapping("/transfer-authorisations/{id}/transit-notices")
	ResponseEntity<?> transitNotice(@PathVariable UUID id, @RequestBody Authorisations.RecordTransitNotice body,
			Principal who, @RequestHeader(name = KEY, required = false) String key) {
		return answer(authorisations.recordTransitNotice(id, body, actors.of(who), key));
	}

	@Operation(summary = "The end-user certificate: end user, end use, re-export clause, signatory")
	@PostMapping("/transfer-authorisations/{id}/end-user-certificate")
	ResponseEntity<?> endUserCertificate(@PathVariable UUID id,
			@RequestBody Authorisations.RecordEndUserCertificate body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(authorisations.recordEndUserCertificate(id, body, actors.of(who), key));
	}

	@Operation(summary = "The end-user certificate verified with the authority that issued it")
	@PostMapping("/transfer-authorisations/{id}/end-user-certificate/verification")
	ResponseEntity<?> verifyEndUserCertificate(@PathVariable UUID id,
			@RequestBody Authorisations.VerifyEndUserCertificate body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(authorisations.verifyEndUserCertificate(id, body, actors.of(who), key));
	}

	@Operation(summary = "The risk assessment of the export decision (ATT art. 7): the criteria with an overriding "
			+ "risk, and mitigating measures")
	@PostMapping("/transfer-authorisations/{id}/risk-assessment")
	ResponseEntity<?> assessRisk(@PathVariable UUID id, @RequestBody Authorisations.AssessRisk body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(authorisations.assessRisk(id, body, actors.of(who), key));
	}

	@Operation(summary = "Grant under a number and validity; an export only once its order of consent is complete")
	@PostMapping("/transfer-authorisations/{id}/grant")
	ResponseEntity<?> grant(@PathVariable UUID id, @RequestBody Authorisations.Grant body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(authorisations.grant(id, body, actors.of(who), key));
	}

	@PostMapping("/transfer-authorisations/{id}/refusal")
	ResponseEntity<?> refuse(@PathVariable UUID id, @RequestBody Authorisations.Decide body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(authorisations.refuse(id, body, actors.of(who), key));
	}

	@PostMapping("/transfer-authorisations/{id}/suspension")
	ResponseEntity<?> suspend(@PathVariable UUID id, @RequestBody Authorisations.Decide body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(authorisations.suspend(id, body, actors.of(who), key));
	}

	@PostMapping("/transfer-authorisations/{id}/revocation")
	ResponseEntity<?> revoke(@PathVariable UUID id, @RequestBody Authorisations.Decide body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(authorisations.revoke(id, body, actors.of(who), key));
	}

	@Operation(summary = "Ship a consignment under the authorisation: quantities per line, no more than is left; "
			+ "an export's firearms are exported on the registry")
	@PostMapping("/transfer-authorisations/{id}/consignments")
	ResponseEntity<?> ship(@PathVariable UUID id, @RequestBody Consignments.Ship body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(consignments.ship(id, body, actors.of(who), key));
	}

	@Operation(summary = "The importing side's receipt: what arrived, line by line")
	@PostMapping("/consignments/{id}/receipt")
	ResponseEntity<?> receipt(@PathVariable UUID id, @RequestBody Consignments.ConfirmReceipt body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(consignments.confirmReceipt(id, body, actors.of(who), key));
	}

	@Operation(summary = "Another State's export authorisation as it notified it: imports quoting it are not flagged")
	@PostMapping("/foreign-export-notices")
	ResponseEntity<?> foreignExport(@RequestBody Authorisations.RecordForeignExport body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return responses.answer(authorisations.recordForeignExport(body, actors.of(who), key),
				"/api/v1/foreign-export-notices/", id -> Optional.of(body), MISSING);
	}

	@Operation(summary = "The granted authorisation as a PDF with its verification code")
	@GetMapping(value = "/transfer-authorisations/{id}/document", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> document(@PathVariable UUID id) {
		AuthorisationView a = queries.authorisation(id)
			.filter(found -> found.number() != null)
			.orElseThrow(() -> new NoSuchElementException("no granted authorisation " + id));
		String verifyAt = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/v1/authorisation-verifications/")
			.toUriString();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"authorisation-" + a.number() + ".pdf\"")
			.contentType(MediaType.APPLICATION_PDF)
			.body(AuthorisationDocument.pdf(a, words::text, verifyAt));
	}

	@Operation(summary = "Check an authorisation document's code against the ledger: number, kind, state, route, "
			+ "validity, lines with what was shipped and received, and the inclusion proof of its last fact (open to "
			+ "anyone; no applicant, recipient or end user)")
	@GetMapping("/authorisation-verifications/{code}")
	AuthorisationVerification.Verified verify(@PathVariable String code) {
		if (code.length() > 40) {
			throw new IllegalArgumentException("code: a verification code has 16 characters, e.g. 1A2B-3C4D-5E6F-7G8H");
		}
		return verification.verify(code)
			.orElseThrow(() -> new NoSuchElementException("no authorisation document carries the code " + code));
	}

	@Operation(summary = "Diversion alerts: receipts overdue or short, imports quoting an export never notified")
	@GetMapping("/transfers/alerts")
	List<Alert> alerts() {
		return queries.alerts(LocalDate.now());
	}

	@Operation(summary = "The diversion alerts as CSV")
	@GetMapping(value = "/transfers/alerts.csv", produces = "text/csv")
	ResponseEntity<byte[]> alertsCsv() {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"transfer-alerts.csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(csv(queries.alerts(LocalDate.now())).getBytes(StandardCharsets.UTF_8));
	}

	static String csv(List<Alert> alerts) {
		StringWriter text = new StringWriter();
		CsvWriter csv = new CsvWriter(text);
		csv.row("alert", "since", "authorisation_number", "authorisation_id", "kind", "export_country",
				"import_country", "consignment_reference", "consignment_id", "detail");
		alerts.forEach(a -> csv.row(a.kind(), a.since(), a.number(), a.authorisationId(), a.transferKind(),
				a.exportCountry(), a.importCountry(), a.consignmentReference(), a.consignmentId(), a.detail()));
		csv.flush();
		return text.toString();
	}

	private ResponseEntity<?> answer(CommandResult result) {
		return responses.answer(result, PATH, queries::authorisation, MISSING);
	}

}
