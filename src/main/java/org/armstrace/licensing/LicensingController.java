package org.armstrace.licensing;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.armstrace.command.CommandResponses;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Words;
import org.armstrace.csv.CsvWriter;
import org.armstrace.identity.Actors;
import org.armstrace.licensing.LicenceQueries.LicenceView;
import org.armstrace.licensing.LicenceQueries.Recovery;
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
 * Licences over HTTP: one POST per step of a licence's life, each idempotent under the
 * {@code Idempotency-Key} header; the recovery and renewal lists.
 */
@RestController
@RequestMapping("/api/v1/licences")
@Tag(name = "Licensing", description = "Licences to hold, collect, deal, make and broker, and their checks")
class LicensingController {

	private static final String KEY = CommandResponses.IDEMPOTENCY_KEY;

	private final Licences licences;

	private final LicenceQueries queries;

	private final Actors actors;

	private final CommandResponses responses;

	private final Words words;

	private final Brokering brokering;

	LicensingController(Licences licences, LicenceQueries queries, Actors actors, CommandResponses responses,
			Words words, Brokering brokering) {
		this.brokering = brokering;
		this.words = words;
		this.licences = licences;
		this.queries = queries;
		this.actors = actors;
		this.responses = responses;
	}

	@Operation(summary = "Apply for a licence for a holder: kind, issuing authority, categories and quantities")
	@PostMapping
	ResponseEntity<?> apply(@RequestBody Licences.ApplyForLicence body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(licences.apply(body, actors.of(who), key));
	}

	@Operation(summary = "Grant an applied licence under a number, with its validity")
	@PostMapping("/{id}/grant")
	ResponseEntity<?> grant(@PathVariable UUID id, @RequestBody Licences.GrantLicence body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(licences.grant(id, body, actors.of(who), key));
	}

	@Operation(summary = "Refuse an applied licence, with the reason")
	@PostMapping("/{id}/refusal")
	ResponseEntity<?> refuse(@PathVariable UUID id, @RequestBody Licences.Decide body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(licences.refuse(id, body, actors.of(who), key));
	}

	@Operation(summary = "Suspend a granted licence (e.g. on a court order): its holder's firearms go on the "
			+ "recovery list")
	@PostMapping("/{id}/suspension")
	ResponseEntity<?> suspend(@PathVariable UUID id, @RequestBody Licences.Decide body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(licences.suspend(id, body, actors.of(who), key));
	}

	@Operation(summary = "Reinstate a suspended licence")
	@PostMapping("/{id}/reinstatement")
	ResponseEntity<?> reinstate(@PathVariable UUID id, @RequestBody Licences.Decide body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(licences.reinstate(id, body, actors.of(who), key));
	}

	@Operation(summary = "Revoke a granted or suspended licence: its holder's firearms go on the recovery list")
	@PostMapping("/{id}/revocation")
	ResponseEntity<?> revoke(@PathVariable UUID id, @RequestBody Licences.Decide body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return answer(licences.revoke(id, body, actors.of(who), key));
	}

	@Operation(summary = "One licence")
	@GetMapping("/{id}")
	LicenceView licence(@PathVariable UUID id) {
		return queries.licence(id).orElseThrow(() -> new NoSuchElementException("no licence " + id));
	}

	@Operation(summary = "A holder's licences")
	@GetMapping
	List<LicenceView> ofHolder(@RequestParam UUID holderId) {
		return queries.ofHolder(holderId);
	}

	@Operation(summary = "Suspended and revoked licences whose holders still hold firearms, with those firearms")
	@GetMapping("/recovery-list")
	List<Recovery> recoveryList() {
		return queries.recoveryList(LocalDate.now());
	}

	@Operation(summary = "The recovery list as CSV: one row per firearm to recover")
	@GetMapping(value = "/recovery-list.csv", produces = "text/csv")
	ResponseEntity<byte[]> recoveryListCsv() {
		StringWriter text = new StringWriter();
		CsvWriter csv = new CsvWriter(text);
		csv.row("licence_number", "licence_state", "state_changed_on", "order_reference", "holder_id", "record_number",
				"firearm_id", "type", "make", "model", "calibre", "serial");
		for (Recovery r : queries.recoveryList(LocalDate.now())) {
			r.firearms()
				.forEach(f -> csv.row(r.licence().number(), r.licence().state(), r.licence().stateChangedOn(),
						r.licence().orderReference(), r.licence().holderId(), f.recordNumber(), f.id(), f.type(),
						f.make(), f.model(), f.calibre(), f.serial()));
		}
		csv.flush();
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"recovery-list.csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(text.toString().getBytes(StandardCharsets.UTF_8));
	}

	@Operation(summary = "Granted licences whose validity ends within 'days' days (default 60)")
	@GetMapping("/renewals")
	List<LicenceView> renewals(@RequestParam(defaultValue = "60") int days) {
		if (days < 1 || days > 3_650) {
			throw new IllegalArgumentException("days must be between 1 and 3650, was " + days);
		}
		return queries.renewalList(LocalDate.now(), days);
	}

	@Operation(summary = "The licence as a PDF document with its verification code (granted licences)")
	@GetMapping(value = "/{id}/document", produces = MediaType.APPLICATION_PDF_VALUE)
	ResponseEntity<byte[]> document(@PathVariable UUID id) {
		LicenceView licence = queries.licence(id)
			.filter(l -> l.number() != null)
			.orElseThrow(() -> new NoSuchElementException("no granted licence " + id));
		String verifyAt = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/api/v1/licence-verifications/")
			.toUriString();
		byte[] pdf = LicenceDocument.pdf(licence, words::text, verifyAt);
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"licence-" + licence.number() + ".pdf\"")
			.contentType(MediaType.APPLICATION_PDF)
			.body(pdf);
	}

	@Operation(summary = "Record a brokering activity under a broker's licence valid that day (Firearms Protocol "
			+ "art. 15): what, how many, from where to where, through which countries, between which holders")
	@PostMapping("/brokering-activities")
	ResponseEntity<?> broker(@RequestBody Brokering.ReportBrokering body, Principal who,
			@RequestHeader(name = KEY, required = false) String key) {
		return responses.answer(brokering.report(body, actors.of(who), key), "/api/v1/licences/brokering-activities/",
				brokering::activity, refusal -> false);
	}

	@Operation(summary = "One recorded brokering activity")
	@GetMapping("/brokering-activities/{activityId}")
	Brokering.Activity brokeringActivity(@PathVariable UUID activityId) {
		return brokering.activity(activityId)
			.orElseThrow(() -> new NoSuchElementException("no brokering activity " + activityId));
	}

	@Operation(summary = "A broker's recorded activities, most recent first")
	@GetMapping("/{id}/brokering-activities")
	List<Brokering.Activity> brokered(@PathVariable UUID id) {
		return brokering.of(id);
	}

	private ResponseEntity<?> answer(CommandResult result) {
		return responses.answer(result, "/api/v1/licences/", queries::licence,
				refusal -> refusal.rule() == LicensingRule.LicenceMustExist && refusal.field().equals("licenceId"));
	}

}
