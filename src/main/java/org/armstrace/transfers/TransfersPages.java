package org.armstrace.transfers;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.armstrace.command.CommandResult;
import org.armstrace.command.CommonRule;
import org.armstrace.command.FormFields;
import org.armstrace.command.Refusal;
import org.armstrace.identity.Actors;
import org.armstrace.identity.Role;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The licensing officer's and customs' pages of international transfers: the list and the
 * alerts, the application, and an authorisation's page with each step its state and the
 * reader's role allow (consents, certificate, assessment, decision, consignments and
 * their receipt).
 */
@Controller
class TransfersPages {

	/** Lines the application form offers; more go through the API. */
	static final int FORM_LINES = 3;

	static final List<String> APPLICATION_FIELDS = List.of("applicantId", "issuingAuthority", "placeOfIssue",
			"exportCountry", "importCountry", "transitCountries", "finalRecipient", "description", "foreignReference");

	private final Authorisations authorisations;

	private final Consignments consignments;

	private final AuthorisationQueries queries;

	private final Actors actors;

	TransfersPages(Authorisations authorisations, Consignments consignments, AuthorisationQueries queries,
			Actors actors) {
		this.authorisations = authorisations;
		this.consignments = consignments;
		this.queries = queries;
		this.actors = actors;
	}

	@GetMapping("/transfers")
	String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String state,
			Principal who, Model model) {
		TransferKind k = parse(TransferKind.class, kind);
		AuthorisationState s = parse(AuthorisationState.class, state);
		model.addAttribute("authorisations", queries.list(k, s));
		model.addAttribute("kinds", TransferKind.values());
		model.addAttribute("states", AuthorisationState.values());
		model.addAttribute("kind", k);
		model.addAttribute("state", s);
		model.addAttribute("mayApply", Role.anyOf(who, Role.ADMIN, Role.LICENSING));
		model.addAttribute("mayReadAlerts",
				Role.anyOf(who, Role.ADMIN, Role.LICENSING, Role.CUSTOMS, Role.INVESTIGATOR, Role.AUDITOR));
		return "transfers/list";
	}

	@GetMapping("/transfers/alerts")
	String alerts(Model model) {
		model.addAttribute("alerts", queries.alerts(LocalDate.now()));
		return "transfers/alerts";
	}

	@GetMapping("/transfers/alerts.csv")
	ResponseEntity<byte[]> alertsCsv() {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"transfer-alerts.csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(TransfersController.csv(queries.alerts(LocalDate.now())).getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/transfers/new")
	String applicationForm(@RequestParam(required = false) String applicantId, Model model) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("applicantId", applicantId);
		values.put("kind", "EXPORT");
		return application(values, List.of(), model);
	}

	@PostMapping("/transfers/new")
	String apply(@RequestParam Map<String, String> form, Principal who, Model model) {
		List<Refusal> violations = new ArrayList<>();
		TransferKind kind = parse(TransferKind.class, form.get("kind"));
		UUID applicant = FormFields.id("applicantId", form.get("applicantId"), violations);
		List<Authorisations.LineRequest> lines = new ArrayList<>();
		for (int i = 0; i < FORM_LINES; i++) {
			LineKind lineKind = parse(LineKind.class, form.get("line" + i + "Kind"));
			if (lineKind == null) {
				continue;
			}
			UUID firearm = FormFields.id("lines[" + lines.size() + "].firearmId", form.get("line" + i + "FirearmId"),
					violations);
			Integer quantity = FormFields.number("lines[" + lines.size() + "].quantity",
					form.get("line" + i + "Quantity"), CommonRule.NumberIsWhole, violations);
			String detail = FormFields.text(form.get("line" + i + "Detail"));
			lines.add(new Authorisations.LineRequest(lineKind, firearm, lineKind == LineKind.PART ? detail : null,
					lineKind == LineKind.AMMUNITION ? detail : null, null,
					quantity == null ? null : quantity.longValue()));
		}
		if (violations.isEmpty()) {
			String transit = FormFields.text(form.get("transitCountries"));
			CommandResult result = authorisations
				.apply(new Authorisations.Apply(kind, applicant, form.get("issuingAuthority"), form.get("placeOfIssue"),
						form.get("exportCountry"), form.get("importCountry"),
						transit == null ? List.of() : Arrays.stream(transit.split(",")).map(String::trim).toList(),
						form.get("finalRecipient"), form.get("description"), lines, form.get("foreignReference"), null,
						null), actors.of(who), null);
			if (result instanceof CommandResult.Accepted accepted) {
				return "redirect:/transfers/" + accepted.subjectId();
			}
			violations.addAll(((CommandResult.Rejected) result).violations());
		}
		return application(form, violations, model);
	}

	@GetMapping("/transfers/{id}")
	String authorisation(@PathVariable UUID id, @RequestParam(required = false) String recorded, Principal who,
			Model model) {
		return page(id, who, model, List.of(), recorded);
	}

	@PostMapping("/transfers/{id}/{step}")
	String step(@PathVariable UUID id, @PathVariable String step, @RequestParam Map<String, String> form, Principal who,
			Model model) {
		List<Refusal> violations = new ArrayList<>();
		String actor = actors.of(who);
		LocalDate on = FormFields.date("occurredOn", form.get("occurredOn"), violations);
		if (!violations.isEmpty()) {
			return page(id, who, model, violations, null);
		}
		CommandResult result = switch (step) {
			case "import-authorisation" -> authorisations.recordImportAuthorisation(id,
					new Authorisations.RecordImportAuthorisation(form.get("reference"), on, form.get("verifiedHow")),
					actor, null);
			case "transit-notice" -> authorisations.recordTransitNotice(id,
					new Authorisations.RecordTransitNotice(form.get("country"), form.get("noticeReference"), on), actor,
					null);
			case "end-user-certificate" -> authorisations.recordEndUserCertificate(
					id, new Authorisations.RecordEndUserCertificate(form.get("certificateReference"),
							form.get("endUser"), form.get("endUse"), form.get("reExportClause"), form.get("signatory")),
					actor, null);
			case "end-user-certificate-verification" -> authorisations.verifyEndUserCertificate(id,
					new Authorisations.VerifyEndUserCertificate(form.get("verifiedWith"), on), actor, null);
			case "risk-assessment" -> authorisations.assessRisk(id, new Authorisations.AssessRisk(
					Arrays.stream(RiskCriterion.values()).filter(c -> form.containsKey("risk-" + c.name())).toList(),
					form.get("mitigation"), on), actor, null);
			case "grant" -> {
				LocalDate until = FormFields.date("validUntil", form.get("validUntil"), violations);
				yield violations.isEmpty() ? authorisations.grant(id,
						new Authorisations.Grant(form.get("number"), on, until, form.get("conditions")), actor, null)
						: new CommandResult.Rejected(violations);
			}
			case "refusal" -> authorisations.refuse(id, new Authorisations.Decide(form.get("reason"), on), actor, null);
			case "suspension" ->
				authorisations.suspend(id, new Authorisations.Decide(form.get("reason"), on), actor, null);
			case "revocation" ->
				authorisations.revoke(id, new Authorisations.Decide(form.get("reason"), on), actor, null);
			case "consignment" -> ship(id, form, on, actor);
			default -> throw new NoSuchElementException("no step " + step);
		};
		return after(id, result, who, model);
	}

	@PostMapping("/consignments/{id}/receipt")
	String receipt(@PathVariable UUID id, @RequestParam Map<String, String> form, Principal who, Model model) {
		AuthorisationQueries.ConsignmentView consignment = queries.consignment(id)
			.orElseThrow(() -> new NoSuchElementException("no consignment " + id));
		List<Refusal> violations = new ArrayList<>();
		LocalDate on = FormFields.date("occurredOn", form.get("occurredOn"), violations);
		List<Consignments.LineCount> lines = new ArrayList<>();
		for (var line : consignment.lines()) {
			Integer count = FormFields.number("lines", form.get("received-" + line.lineNo()), CommonRule.NumberIsWhole,
					violations);
			if (count != null) {
				lines.add(new Consignments.LineCount(line.lineNo(), count));
			}
		}
		CommandResult result = violations.isEmpty()
				? consignments.confirmReceipt(id,
						new Consignments.ConfirmReceipt(on, form.get("confirmedBy"), lines,
								form.containsKey("importMarkingAlreadyPresent")),
						actors.of(who), null)
				: new CommandResult.Rejected(violations);
		return after(consignment.authorisationId(), result, who, model);
	}

	private CommandResult ship(UUID id, Map<String, String> form, LocalDate on, String actor) {
		AuthorisationQueries.AuthorisationView a = queries.authorisation(id)
			.orElseThrow(() -> new NoSuchElementException("no authorisation " + id));
		List<Refusal> violations = new ArrayList<>();
		List<Consignments.LineCount> lines = new ArrayList<>();
		for (var line : a.lines()) {
			Integer count = FormFields.number("lines", form.get("ship-" + line.lineNo()), CommonRule.NumberIsWhole,
					violations);
			if (count != null && count > 0) {
				lines.add(new Consignments.LineCount(line.lineNo(), count));
			}
		}
		return violations.isEmpty()
				? consignments.ship(id, new Consignments.Ship(form.get("reference"), on, lines), actor, null)
				: new CommandResult.Rejected(violations);
	}

	private String after(UUID id, CommandResult result, Principal who, Model model) {
		if (result instanceof CommandResult.Accepted) {
			return "redirect:/transfers/" + id + "?recorded";
		}
		return page(id, who, model, ((CommandResult.Rejected) result).violations(), null);
	}

	private String page(UUID id, Principal who, Model model, List<Refusal> violations, String recorded) {
		AuthorisationQueries.AuthorisationView a = queries.authorisation(id)
			.orElseThrow(() -> new NoSuchElementException("no authorisation " + id));
		model.addAttribute("a", a);
		Map<String, AuthorisationQueries.TransitNoticeView> notices = new LinkedHashMap<>();
		a.transitNotices().forEach(n -> notices.put(n.country(), n));
		model.addAttribute("notices", notices);
		model.addAttribute("violations", violations);
		model.addAttribute("recorded", recorded != null);
		model.addAttribute("criteria", RiskCriterion.values());
		model.addAttribute("mayDecide", Role.anyOf(who, Role.ADMIN, Role.LICENSING));
		model.addAttribute("mayShip", Role.anyOf(who, Role.ADMIN, Role.LICENSING, Role.CUSTOMS));
		return "transfers/authorisation";
	}

	private String application(Map<String, String> values, List<Refusal> violations, Model model) {
		Map<String, List<Refusal>> errors = new LinkedHashMap<>();
		violations.forEach(v -> errors.computeIfAbsent(v.field(), f -> new ArrayList<>()).add(v));
		model.addAttribute("values", values);
		model.addAttribute("violations", violations);
		model.addAttribute("fieldErrors", errors);
		model.addAttribute("fields", APPLICATION_FIELDS);
		model.addAttribute("kinds", TransferKind.values());
		model.addAttribute("lineKinds", LineKind.values());
		model.addAttribute("formLines", FORM_LINES);
		return "transfers/apply";
	}

	private static <E extends Enum<E>> E parse(Class<E> type, String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.trim());
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

}
