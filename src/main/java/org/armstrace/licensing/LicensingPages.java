package org.armstrace.licensing;

import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.armstrace.command.CommandResult;
import org.armstrace.command.CommonRule;
import org.armstrace.command.FormFields;
import org.armstrace.command.Refusal;
import org.armstrace.identity.Actors;
import org.armstrace.reference.FirearmCategories;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The licensing officer's pages: the lists (recovery, renewal, a holder's licences), the
 * application form, and a licence with the steps its state allows.
 */
@Controller
class LicensingPages {

	/** The steps a licence page offers, by path, with the states they start from. */
	enum Step {

		GRANT("grant", LicenceState.APPLIED), REFUSAL("refusal", LicenceState.APPLIED),
		SUSPENSION("suspension", LicenceState.GRANTED), REINSTATEMENT("reinstatement", LicenceState.SUSPENDED),
		REVOCATION("revocation", LicenceState.GRANTED, LicenceState.SUSPENDED);

		final String path;

		final List<LicenceState> from;

		Step(String path, LicenceState... from) {
			this.path = path;
			this.from = List.of(from);
		}

		public String getPath() {
			return path;
		}

	}

	private final Licences licences;

	private final LicenceQueries queries;

	private final FirearmCategories categories;

	private final Actors actors;

	LicensingPages(Licences licences, LicenceQueries queries, FirearmCategories categories, Actors actors) {
		this.licences = licences;
		this.queries = queries;
		this.categories = categories;
		this.actors = actors;
	}

	@GetMapping("/licences")
	String lists(@RequestParam(required = false) String holderId, Model model) {
		model.addAttribute("recovery", queries.recoveryList(LocalDate.now()));
		model.addAttribute("renewals", queries.renewalList(LocalDate.now(), 60));
		model.addAttribute("holderId", holderId);
		List<LicenceQueries.LicenceView> ofHolder = List.of();
		if (holderId != null && !holderId.isBlank()) {
			try {
				ofHolder = queries.ofHolder(UUID.fromString(holderId.trim()));
			}
			catch (IllegalArgumentException notAnId) {
				model.addAttribute("holderIdInvalid", true);
			}
		}
		model.addAttribute("ofHolder", ofHolder);
		return "licensing/licences";
	}

	@GetMapping("/licences/new")
	String applicationForm(@RequestParam(required = false) String holderId, Model model) {
		return application(Map.of("holderId", holderId == null ? "" : holderId), List.of(), model);
	}

	@PostMapping("/licences/new")
	String apply(@RequestParam Map<String, String> form, Principal who, Model model) {
		List<Refusal> violations = new ArrayList<>();
		UUID holder = FormFields.id("holderId", form.get("holderId"), violations);
		LicenceKind kind = null;
		try {
			kind = form.get("kind") == null || form.get("kind").isBlank() ? null
					: LicenceKind.valueOf(form.get("kind"));
		}
		catch (IllegalArgumentException unknown) {
			violations.add(Refusal.of("kind", CommonRule.FieldIsRequired));
		}
		List<Coverage> coverage = new ArrayList<>();
		for (var category : categories.all()) {
			String code = category.code();
			if (form.containsKey("category-" + code)) {
				coverage.add(new Coverage(code, FormFields.number("quantity-" + code, form.get("quantity-" + code),
						CommonRule.NumberIsWhole, violations)));
			}
		}
		if (violations.isEmpty()) {
			CommandResult result = licences
				.apply(new Licences.ApplyForLicence(holder, kind, form.get("issuingAuthority"), coverage,
						form.get("conditions"), form.containsKey("storageInspected"), null), actors.of(who), null);
			if (result instanceof CommandResult.Accepted accepted) {
				return "redirect:/licences/" + accepted.subjectId();
			}
			violations.addAll(((CommandResult.Rejected) result).violations());
		}
		return application(form, violations, model);
	}

	@GetMapping("/licences/{id}")
	String licence(@PathVariable UUID id, Model model) {
		return page(id, Map.of(), List.of(), model);
	}

	@PostMapping("/licences/{id}/{step}")
	String step(@PathVariable UUID id, @PathVariable String step, @RequestParam Map<String, String> form, Principal who,
			Model model) {
		Step chosen = List.of(Step.values())
			.stream()
			.filter(s -> s.path.equals(step))
			.findFirst()
			.orElseThrow(() -> new NoSuchElementException("no step " + step));
		List<Refusal> violations = new ArrayList<>();
		LocalDate validUntil = FormFields.date("validUntil", form.get("validUntil"), violations);
		if (violations.isEmpty()) {
			String actor = actors.of(who);
			Licences.Decide decide = new Licences.Decide(form.get("reason"), form.get("orderReference"), null);
			CommandResult result = switch (chosen) {
				case GRANT ->
					licences.grant(id, new Licences.GrantLicence(form.get("number"), null, validUntil), actor, null);
				case REFUSAL -> licences.refuse(id, decide, actor, null);
				case SUSPENSION -> licences.suspend(id, decide, actor, null);
				case REINSTATEMENT -> licences.reinstate(id, decide, actor, null);
				case REVOCATION -> licences.revoke(id, decide, actor, null);
			};
			if (result instanceof CommandResult.Accepted) {
				return "redirect:/licences/" + id;
			}
			violations.addAll(((CommandResult.Rejected) result).violations());
		}
		return page(id, form, violations, model);
	}

	private String page(UUID id, Map<String, String> form, List<Refusal> violations, Model model) {
		LicenceQueries.LicenceView licence = queries.licence(id)
			.orElseThrow(() -> new NoSuchElementException("no licence " + id));
		model.addAttribute("licence", licence);
		model.addAttribute("steps",
				List.of(Step.values()).stream().filter(s -> s.from.contains(licence.state())).toList());
		model.addAttribute("form", form);
		model.addAttribute("violations", violations);
		return "licensing/licence";
	}

	private String application(Map<String, String> form, List<Refusal> violations, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("violations", violations);
		model.addAttribute("kinds", LicenceKind.values());
		model.addAttribute("categories",
				categories.all().stream().filter(c -> !c.code().equals(FirearmCategories.UNCLASSIFIED)).toList());
		return "licensing/apply";
	}

}
