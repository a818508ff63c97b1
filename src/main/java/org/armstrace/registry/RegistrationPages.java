package org.armstrace.registry;

import java.security.Principal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.armstrace.command.CommandResult;
import org.armstrace.command.CommonRule;
import org.armstrace.command.FormFields;
import org.armstrace.command.Refusal;
import org.armstrace.identity.Actors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The officer's forms that put something on the record: a manufactured firearm (checked
 * as the API checks it: serial, marking, make, country) and a holder.
 */
@Controller
class RegistrationPages {

	/** The fields of the firearm form, in order, and which are lists to choose from. */
	static final List<String> FIREARM_FIELDS = List.of("type", "make", "model", "calibre", "serial",
			"countryOfManufacture", "year", "holderId", "legacyReference");

	static final List<String> HOLDER_FIELDS = List.of("role", "name", "address", "country", "licenceReference");

	private final FirearmCommands firearms;

	private final HolderCommands holders;

	private final Actors actors;

	RegistrationPages(FirearmCommands firearms, HolderCommands holders, Actors actors) {
		this.firearms = firearms;
		this.holders = holders;
		this.actors = actors;
	}

	@GetMapping("/firearms/new")
	String firearmForm(@RequestParam(required = false) String holderId, Model model) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("holderId", holderId);
		return firearmPage(values, List.of(), model);
	}

	@PostMapping("/firearms/new")
	String registerFirearm(@RequestParam Map<String, String> form, Principal who, Model model) {
		List<Refusal> violations = new ArrayList<>();
		FirearmType type = choice(FirearmType.class, form.get("type"), "type", violations);
		Integer year = FormFields.number("year", form.get("year"), CommonRule.NumberIsWhole, violations);
		UUID holder = FormFields.id("holderId", form.get("holderId"), violations);
		if (violations.isEmpty()) {
			CommandResult result = firearms.register(
					new FirearmCommands.RegisterFirearm(type, null, FormFields.text(form.get("make")),
							FormFields.text(form.get("model")), FormFields.text(form.get("calibre")),
							FormFields.text(form.get("serial")), upper(form.get("countryOfManufacture")), year,
							List.of(), holder, FormFields.text(form.get("legacyReference")), false, null),
					actors.of(who), null);
			if (result instanceof CommandResult.Accepted accepted) {
				return "redirect:/firearms/" + accepted.subjectId();
			}
			violations.addAll(((CommandResult.Rejected) result).violations());
		}
		return firearmPage(form, violations, model);
	}

	@GetMapping("/holders/new")
	String holderForm(Model model) {
		return holderPage(Map.of(), List.of(), model, null);
	}

	@PostMapping("/holders/new")
	String registerHolder(@RequestParam Map<String, String> form, Principal who, Model model) {
		List<Refusal> violations = new ArrayList<>();
		HolderRole role = choice(HolderRole.class, form.get("role"), "role", violations);
		if (violations.isEmpty()) {
			CommandResult result = holders.register(new HolderCommands.RegisterHolder(role,
					FormFields.text(form.get("name")), FormFields.text(form.get("address")), upper(form.get("country")),
					FormFields.text(form.get("licenceReference"))), actors.of(who), null);
			if (result instanceof CommandResult.Accepted accepted) {
				return holderPage(Map.of(), List.of(), model, accepted.subjectId());
			}
			violations.addAll(((CommandResult.Rejected) result).violations());
		}
		return holderPage(form, violations, model, null);
	}

	private String firearmPage(Map<String, String> values, List<Refusal> violations, Model model) {
		model.addAttribute("values", values);
		model.addAttribute("violations", violations);
		model.addAttribute("fieldErrors", byField(violations));
		model.addAttribute("fields", FIREARM_FIELDS);
		model.addAttribute("types", FirearmType.values());
		return "registry/new-firearm";
	}

	private String holderPage(Map<String, String> values, List<Refusal> violations, Model model, UUID registered) {
		model.addAttribute("values", values);
		model.addAttribute("violations", violations);
		model.addAttribute("fieldErrors", byField(violations));
		model.addAttribute("fields", HOLDER_FIELDS);
		model.addAttribute("roles", HolderRole.values());
		model.addAttribute("registered", registered);
		return "registry/new-holder";
	}

	static Map<String, List<Refusal>> byField(List<Refusal> violations) {
		Map<String, List<Refusal>> errors = new LinkedHashMap<>();
		violations.forEach(v -> errors.computeIfAbsent(v.field(), f -> new ArrayList<>()).add(v));
		return errors;
	}

	static <E extends Enum<E>> E choice(Class<E> type, String text, String field, List<Refusal> violations) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, text.trim());
		}
		catch (IllegalArgumentException e) {
			violations.add(Refusal.of(field, CommonRule.FieldIsRequired));
			return null;
		}
	}

	private static String upper(String value) {
		return value == null || value.isBlank() ? null : value.trim().toUpperCase(Locale.ROOT);
	}

}
