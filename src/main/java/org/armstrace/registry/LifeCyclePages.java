package org.armstrace.registry;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.function.BiFunction;

import org.armstrace.command.CommandResult;
import org.armstrace.command.CommonRule;
import org.armstrace.command.Refusal;
import org.armstrace.command.Words;
import org.armstrace.identity.Actors;
import org.armstrace.identity.Role;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * One form per life-cycle action on a firearm (transfer has its own page): the fields of
 * the command, and the rules it broke shown beside them. Who may use which form is the
 * API's matrix (docs/roles.md).
 */
@Controller
class LifeCyclePages {

	enum Kind {

		TEXT, DATE, HOLDER, COUNTRY, LIST, YEAR, CHECKBOX, FIREARM_TYPE, MARKING_KIND;

		/** The rule a value of this kind breaks when it cannot be read. */
		CommonRule unreadable() {
			return switch (this) {
				case DATE -> CommonRule.DateIsIsoFormat;
				case HOLDER -> CommonRule.IdIsUuid;
				case YEAR -> CommonRule.YearIsFourDigits;
				default -> CommonRule.ValueHasTheRightType;
			};
		}

	}

	record Field(String name, Kind kind, boolean required) {

		public boolean select() {
			return kind == Kind.FIREARM_TYPE || kind == Kind.MARKING_KIND;
		}

		public List<String> options() {
			return switch (kind) {
				case FIREARM_TYPE -> Arrays.stream(FirearmType.values()).map(Enum::name).toList();
				case MARKING_KIND -> Arrays.stream(MarkingKind.values()).map(Enum::name).toList();
				default -> List.of();
			};
		}

	}

	/**
	 * Fields read from the form, already converted; a conversion error is a violation of
	 * that field.
	 */
	record Values(Map<String, String> raw, Map<String, Object> parsed) {

		String text(String name) {
			Object v = parsed.get(name);
			return v == null ? null : v.toString();
		}

		@SuppressWarnings("unchecked")
		<T> T get(String name) {
			return (T) parsed.get(name);
		}

	}

	enum Action {

		LOST_REPORT("lost-report", List.of("ADMIN", "REGISTRAR", "INVESTIGATOR", "DEALER"),
				List.of(new Field("reportedBy", Kind.HOLDER, false), new Field("reportReference", Kind.TEXT, false),
						new Field("occurredOn", Kind.DATE, false)),
				(v, f) -> f.commands.reportLost(f.id,
						new FirearmCommands.ReportMissing(v.get("reportedBy"), v.text("reportReference"),
								v.get("occurredOn")),
						f.actor, null)),
		THEFT_REPORT("theft-report", List.of("ADMIN", "REGISTRAR", "INVESTIGATOR", "DEALER"),
				List.of(new Field("reportedBy", Kind.HOLDER, false), new Field("reportReference", Kind.TEXT, false),
						new Field("occurredOn", Kind.DATE, false)),
				(v, f) -> f.commands.reportStolen(f.id,
						new FirearmCommands.ReportMissing(v.get("reportedBy"), v.text("reportReference"),
								v.get("occurredOn")),
						f.actor, null)),
		RECOVERY("recovery", List.of("ADMIN", "REGISTRAR", "INVESTIGATOR", "CUSTOMS"),
				List.of(new Field("authority", Kind.TEXT, true), new Field("occurredOn", Kind.DATE, false)),
				(v, f) -> f.commands.recover(f.id,
						new FirearmCommands.RecordRecovery(v.text("authority"), v.get("occurredOn")), f.actor, null)),
		SEIZURE("seizure", List.of("ADMIN", "REGISTRAR", "INVESTIGATOR", "CUSTOMS"),
				List.of(new Field("authority", Kind.TEXT, true), new Field("caseReference", Kind.TEXT, false),
						new Field("occurredOn", Kind.DATE, false)),
				(v, f) -> f.commands.seize(f.id,
						new FirearmCommands.RecordSeizure(v.text("authority"), v.text("caseReference"),
								v.get("occurredOn")),
						f.actor, null)),
		FOUND_AFTER_DESTRUCTION("found-after-destruction", List.of("ADMIN", "REGISTRAR", "INVESTIGATOR", "CUSTOMS"),
				List.of(new Field("authority", Kind.TEXT, true), new Field("occurredOn", Kind.DATE, false)),
				(v, f) -> f.commands.foundAfterDestruction(f.id,
						new FirearmCommands.RecordFoundAfterDestruction(v.text("authority"), v.get("occurredOn")),
						f.actor, null)),
		EXPORT("export", List.of("ADMIN", "REGISTRAR", "CUSTOMS", "LICENSING"),
				List.of(new Field("toCountry", Kind.COUNTRY, true), new Field("transitCountries", Kind.LIST, false),
						new Field("licenceReference", Kind.TEXT, false), new Field("occurredOn", Kind.DATE, false)),
				(v, f) -> f.commands.export(f.id,
						new FirearmCommands.ExportFirearm(v.text("toCountry"), v.get("transitCountries"),
								v.text("licenceReference"), v.get("occurredOn")),
						f.actor, null)),
		IMPORT("import", List.of("ADMIN", "REGISTRAR", "CUSTOMS", "LICENSING"),
				List.of(new Field("fromCountry", Kind.COUNTRY, true), new Field("importerId", Kind.HOLDER, true),
						new Field("importYear", Kind.YEAR, false),
						new Field("importMarkingAlreadyPresent", Kind.CHECKBOX, false),
						new Field("licenceReference", Kind.TEXT, false), new Field("occurredOn", Kind.DATE, false)),
				(v, f) -> f.commands.importFirearm(f.id,
						new FirearmCommands.ImportFirearm(v.text("fromCountry"), v.get("importerId"),
								v.get("importYear"), Boolean.TRUE.equals(v.get("importMarkingAlreadyPresent")),
								v.text("licenceReference"), v.get("occurredOn")),
						f.actor, null)),
		TRANSIT("transit", List.of("ADMIN", "REGISTRAR", "CUSTOMS", "LICENSING"),
				List.of(new Field("fromCountry", Kind.COUNTRY, true), new Field("toCountry", Kind.COUNTRY, true),
						new Field("licenceReference", Kind.TEXT, false), new Field("occurredOn", Kind.DATE, false)),
				(v, f) -> f.commands.recordTransit(f.id,
						new FirearmCommands.RecordTransit(v.text("fromCountry"), v.text("toCountry"),
								v.text("licenceReference"), v.get("occurredOn")),
						f.actor, null)),
		MARKING("marking", List.of("ADMIN", "REGISTRAR"),
				List.of(new Field("markingKind", Kind.MARKING_KIND, true), new Field("text", Kind.TEXT, true),
						new Field("country", Kind.COUNTRY, false), new Field("year", Kind.YEAR, false),
						new Field("occurredOn", Kind.DATE, false)),
				(v, f) -> f.commands
					.addMarking(f.id,
							new FirearmCommands.AddMarking(v.get("markingKind") == null || v.text("text") == null ? null
									: new Marking(MarkingKind.valueOf(v.text("markingKind")), v.text("text"),
											v.text("country"), v.get("year")),
									v.get("occurredOn")),
							f.actor, null)),
		DEACTIVATION("deactivation", List.of("ADMIN", "REGISTRAR"),
				List.of(new Field("certificateNumber", Kind.TEXT, true), new Field("standard", Kind.TEXT, false),
						new Field("verifyingAuthority", Kind.TEXT, true),
						new Field("deactivationMarking", Kind.TEXT, true), new Field("occurredOn", Kind.DATE, false)),
				(v, f) -> f.commands.deactivate(f.id,
						new FirearmCommands.DeactivateFirearm(v.text("certificateNumber"), v.text("standard"),
								v.text("verifyingAuthority"), v.text("deactivationMarking"), v.get("occurredOn")),
						f.actor, null)),
		CONVERSION("conversion", List.of("ADMIN", "REGISTRAR"),
				List.of(new Field("newType", Kind.FIREARM_TYPE, true), new Field("description", Kind.TEXT, true),
						new Field("occurredOn", Kind.DATE, false)),
				(v, f) -> f.commands.convert(f.id,
						new FirearmCommands.ConvertFirearm(
								v.text("newType") == null ? null : FirearmType.valueOf(v.text("newType")),
								v.text("description"), v.get("occurredOn")),
						f.actor, null)),
		DESTRUCTION("destruction", List.of("ADMIN", "REGISTRAR"),
				List.of(new Field("method", Kind.TEXT, true), new Field("witnesses", Kind.LIST, true),
						new Field("occurredOn", Kind.DATE, false)),
				(v, f) -> f.commands.destroy(f.id,
						new FirearmCommands.DestroyFirearm(v.text("method"), v.get("witnesses"), v.get("occurredOn")),
						f.actor, null));

		final String path;

		final List<String> roles;

		final List<Field> fields;

		final BiFunction<Values, Target, CommandResult> run;

		Action(String path, List<String> roles, List<Field> fields, BiFunction<Values, Target, CommandResult> run) {
			this.path = path;
			this.roles = roles;
			this.fields = fields;
			this.run = run;
		}

		public String path() {
			return path;
		}

		public List<Field> fields() {
			return fields;
		}

		static Action of(String path) {
			return Arrays.stream(values())
				.filter(a -> a.path.equals(path))
				.findFirst()
				.orElseThrow(() -> new NoSuchElementException("no life-cycle action '" + path + "'"));
		}

		boolean allows(Principal who) {
			return Role.anyOf(who, roles.stream().map(Role::valueOf).toArray(Role[]::new));
		}

	}

	/** What an action is carried out on, and by whom. */
	record Target(FirearmCommands commands, UUID id, String actor) {
	}

	private final FirearmCommands firearms;

	private final RegistryQueries queries;

	private final Actors actors;

	private final Words words;

	private final DealerStock stock;

	LifeCyclePages(FirearmCommands firearms, RegistryQueries queries, Actors actors, Words words, DealerStock stock) {
		this.stock = stock;
		this.words = words;
		this.firearms = firearms;
		this.queries = queries;
		this.actors = actors;
	}

	/** The actions this person may take, for the record page. */
	static List<Action> allowed(Principal who) {
		return Arrays.stream(Action.values()).filter(a -> a.allows(who)).toList();
	}

	@GetMapping("/firearms/{id}/actions/{action}")
	String form(@PathVariable UUID id, @PathVariable String action, @RequestParam(required = false) String recorded,
			Principal who, Model model) {
		Action a = permitted(action, who);
		stock.require(id, who);
		model.addAttribute("recorded", recorded != null);
		model.addAttribute("mayRead", Role.readsRecords(who));
		return page(id, a, Map.of(), List.of(), model);
	}

	@PostMapping("/firearms/{id}/actions/{action}")
	String submit(@PathVariable UUID id, @PathVariable String action, @RequestParam Map<String, String> form,
			Principal who, Model model) {
		Action a = permitted(action, who);
		stock.require(id, who);
		List<Refusal> violations = new ArrayList<>();
		Map<String, Object> parsed = new HashMap<>();
		for (Field field : a.fields) {
			String text = form.get(field.name());
			text = text == null || text.isBlank() ? null : text.trim();
			try {
				parsed.put(field.name(), parse(field, text));
			}
			catch (IllegalArgumentException | DateTimeParseException e) {
				violations.add(Refusal.of(field.name(), field.kind().unreadable(), text));
			}
		}
		if (violations.isEmpty()) {
			CommandResult result = a.run.apply(new Values(form, parsed), new Target(firearms, id, actors.of(who)));
			if (result instanceof CommandResult.Accepted) {
				// a role that reads no record (DEALER) stays on the form, with a
				// confirmation
				return Role.readsRecords(who) ? "redirect:/firearms/" + id
						: "redirect:/firearms/" + id + "/actions/" + a.path + "?recorded";
			}
			((CommandResult.Rejected) result).violations().forEach(v -> violations.add(onForm(v, a)));
		}
		model.addAttribute("recorded", false);
		model.addAttribute("mayRead", Role.readsRecords(who));
		return page(id, a, form, violations, model);
	}

	/**
	 * A rule about the whole firearm (its status) is shown at the top, linked to the
	 * first field.
	 */
	private static Refusal onForm(Refusal v, Action a) {
		String field = v.field().startsWith("marking") ? "text" : v.field();
		boolean known = a.fields.stream().anyMatch(f -> f.name().equals(field));
		return v.about(known ? field : a.fields.getFirst().name());
	}

	private static Object parse(Field field, String text) {
		if (text == null) {
			return field.kind() == Kind.CHECKBOX ? Boolean.FALSE : field.kind() == Kind.LIST ? List.of() : null;
		}
		return switch (field.kind()) {
			case DATE -> LocalDate.parse(text);
			case HOLDER -> UUID.fromString(text);
			case YEAR -> Integer.valueOf(text);
			case CHECKBOX -> Boolean.TRUE;
			case LIST -> Arrays.stream(text.split("[,;\\n]")).map(String::trim).filter(s -> !s.isEmpty()).toList();
			case COUNTRY -> text.toUpperCase(Locale.ROOT);
			case FIREARM_TYPE -> FirearmType.valueOf(text).name();
			case MARKING_KIND -> MarkingKind.valueOf(text).name();
			case TEXT -> text;
		};
	}

	private Action permitted(String action, Principal who) {
		Action a = Action.of(action);
		if (!a.allows(who)) {
			throw new AccessDeniedException("action " + action);
		}
		return a;
	}

	private String page(UUID id, Action a, Map<String, String> values, List<Refusal> violations, Model model) {
		model.addAttribute("firearm",
				queries.firearm(id).orElseThrow(() -> new NoSuchElementException("no firearm " + id)));
		model.addAttribute("action", a);
		model.addAttribute("values", values);
		model.addAttribute("violations", violations);
		Map<String, List<String>> byField = new HashMap<>();
		violations.forEach(v -> byField.computeIfAbsent(v.field(), k -> new ArrayList<>()).add(words.text(v)));
		model.addAttribute("fieldErrors", byField);
		return "registry/action";
	}

}
