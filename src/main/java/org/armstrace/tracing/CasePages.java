package org.armstrace.tracing;

import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.armstrace.command.CommandResult;
import org.armstrace.command.FormFields;
import org.armstrace.command.Limits;
import org.armstrace.command.Refusal;
import org.armstrace.identity.AccessLog;
import org.armstrace.identity.Actors;
import org.armstrace.identity.Role;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An investigation case's page: weapons, people and money together (DP 36-37) — its trace
 * requests and firearms, its persons, its financial information — and the forms that add
 * a person and financial information. A case names persons, so it opens only once the
 * reader states a purpose, which goes to the access log, as on the API.
 */
@Controller
class CasePages {

	private final TraceRequestQueries queries;

	private final TraceRequests requests;

	private final Actors actors;

	private final AccessLog accessLog;

	CasePages(TraceRequestQueries queries, TraceRequests requests, Actors actors, AccessLog accessLog) {
		this.queries = queries;
		this.requests = requests;
		this.actors = actors;
		this.accessLog = accessLog;
	}

	@GetMapping("/investigation-cases/{reference}")
	String investigationCase(@PathVariable String reference, @RequestParam(required = false) String purpose,
			Principal who, Model model) {
		return page(reference, purpose, who, model, List.of(), Map.of(), false);
	}

	@PostMapping("/investigation-cases/{reference}/persons")
	String addPerson(@PathVariable String reference, @RequestParam Map<String, String> form, Principal who,
			Model model) {
		CommandResult result = requests.addPerson(reference, form.get("name"), form.get("nationality"),
				form.get("role"), actors.of(who));
		List<Refusal> violations = result instanceof CommandResult.Rejected rejected ? rejected.violations()
				: List.of();
		if (violations.stream().anyMatch(v -> v.rule() == TracingRule.CaseMustExist)) {
			throw new NoSuchElementException("no investigation case " + reference);
		}
		return page(reference, form.get("purpose"), who, model, violations, violations.isEmpty() ? Map.of() : form,
				violations.isEmpty());
	}

	@PostMapping("/investigation-cases/{reference}/financial-information")
	String recordMoney(@PathVariable String reference, @RequestParam Map<String, String> form, Principal who,
			Model model) {
		List<Refusal> violations = new ArrayList<>();
		LocalDate on = FormFields.date("occurredOn", form.get("occurredOn"), violations);
		CommandResult result = violations.isEmpty()
				? requests.recordMoney(reference,
						new TraceRequests.RecordMoney(form.get("kind"), form.get("amount"), form.get("currency"), on,
								form.get("account"), form.get("counterparty"), form.get("description")),
						actors.of(who))
				: null;
		if (result instanceof CommandResult.Rejected rejected) {
			violations.addAll(rejected.violations());
		}
		if (violations.stream().anyMatch(v -> v.rule() == TracingRule.CaseMustExist)) {
			throw new NoSuchElementException("no investigation case " + reference);
		}
		return page(reference, form.get("purpose"), who, model, violations, violations.isEmpty() ? Map.of() : form,
				false);
	}

	private String page(String reference, String purpose, Principal who, Model model, List<Refusal> violations,
			Map<String, String> values, boolean added) {
		TraceRequestQueries.InvestigationCase found = queries.investigationCase(reference)
			.orElseThrow(() -> new NoSuchElementException("no investigation case " + reference));
		boolean stated = purpose != null && !purpose.isBlank() && purpose.length() <= Limits.TEXT;
		if (stated) {
			accessLog.record(who, AccessLog.Action.READ, "investigation case " + reference, null, purpose, 1);
		}
		model.addAttribute("reference", found.reference());
		model.addAttribute("case", stated ? found : null);
		model.addAttribute("purpose", stated ? purpose : null);
		model.addAttribute("violations", violations);
		model.addAttribute("values", values);
		model.addAttribute("added", added);
		model.addAttribute("mayAdd", Role.anyOf(who, Role.ADMIN, Role.INVESTIGATOR));
		return "tracing/case";
	}

}
