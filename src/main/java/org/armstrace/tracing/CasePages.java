package org.armstrace.tracing;

import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.armstrace.command.CommandResult;
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
 * An investigation case's page: its trace requests, weapons and persons, and the form
 * that adds a person. A case names persons, so it opens only once the reader states a
 * purpose, which goes to the access log, as on the API.
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
