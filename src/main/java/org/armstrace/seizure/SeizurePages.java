package org.armstrace.seizure;

import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.armstrace.command.CommandResult;
import org.armstrace.command.CommonRule;
import org.armstrace.command.FormFields;
import org.armstrace.command.Refusal;
import org.armstrace.command.Words;
import org.armstrace.identity.AccessLog;
import org.armstrace.identity.Actors;
import org.armstrace.identity.Role;
import org.armstrace.reference.NonIndustrialCatalogue;
import org.armstrace.registry.FirearmType;
import org.armstrace.registry.PartKind;
import org.armstrace.tracing.ObservedMarkings;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The seizure pages: recent seizures, record one (a firearm, a part or ammunition per
 * row), a seizure with each item's protocol checklist, an item's custody, holds and a
 * proposed destruction. Items in custody and the IAFQ export are {@link CustodyPages}.
 */
@Controller
class SeizurePages {

	static final int ITEM_ROWS = 3;

	private final Seizures seizures;

	private final SeizureQueries queries;

	private final AccessLog accessLog;

	private final Actors actors;

	private final JdbcClient jdbc;

	private final Words words;

	private final EvidenceCustody custody;

	private final DestructionGate destruction;

	private final NonIndustrialCatalogue nonIndustrial;

	SeizurePages(Seizures seizures, EvidenceCustody custody, DestructionGate destruction, SeizureQueries queries,
			AccessLog accessLog, Actors actors, JdbcClient jdbc, Words words, NonIndustrialCatalogue nonIndustrial) {
		this.nonIndustrial = nonIndustrial;
		this.words = words;
		this.custody = custody;
		this.destruction = destruction;
		this.seizures = seizures;
		this.queries = queries;
		this.accessLog = accessLog;
		this.actors = actors;
		this.jdbc = jdbc;
	}

	@GetMapping("/seizures")
	String list(Principal who, Model model) {
		List<Map<String, Object>> recent = jdbc
			.sql("SELECT s.id, s.reference, s.seized_on, s.place_kind, s.agency, "
					+ "s.criminal_context, (SELECT COUNT(*) FROM seized_item i WHERE i.seizure_id = s.id) AS items "
					+ "FROM seizure s ORDER BY s.last_seq DESC FETCH FIRST 50 ROWS ONLY")
			.query()
			.listOfRows();
		model.addAttribute("recent", recent);
		model.addAttribute("mayRecord", Role.anyOf(who, Role.ADMIN, Role.REGISTRAR, Role.CUSTOMS, Role.INVESTIGATOR));
		return "seizure/seizures";
	}

	@GetMapping("/seizures/new")
	String form(Model model) {
		return formPage(Map.of(), List.of(), model);
	}

	@PostMapping("/seizures")
	String record(@RequestParam Map<String, String> form, Principal who, Model model) {
		List<Refusal> violations = new ArrayList<>();
		LocalDate seizedOn = FormFields.date("seizedOn", form.get("seizedOn"), violations);
		List<Seizures.Item> items = new ArrayList<>();
		for (int i = 0; i < ITEM_ROWS; i++) {
			String kind = value(form, "item" + i + ".kind");
			if (kind == null) {
				continue;
			}
			Long quantity = null;
			String q = value(form, "item" + i + ".quantity");
			if (q != null) {
				try {
					quantity = Long.valueOf(q);
				}
				catch (NumberFormatException e) {
					violations.add(Refusal.of("item" + i + ".quantity", CommonRule.NumberIsWhole, q));
				}
			}
			ItemKind itemKind = ItemKind.valueOf(kind);
			ObservedMarkings observed = itemKind == ItemKind.AMMUNITION ? null : new ObservedMarkings(
					value(form, "item" + i + ".serial") == null ? "*" : value(form, "item" + i + ".serial"),
					value(form, "item" + i + ".make"), value(form, "item" + i + ".model"),
					value(form, "item" + i + ".calibre"), value(form, "item" + i + ".type"),
					value(form, "item" + i + ".country"), value(form, "item" + i + ".importMarking"), null, null);
			items.add(new Seizures.Item(itemKind, observed, null, value(form, "item" + i + ".partKind"),
					value(form, "item" + i + ".calibre"), quantity, value(form, "item" + i + ".headstamp"), null, null,
					value(form, "storageLocation"), value(form, "custodian"), value(form, "item" + i + ".exception"),
					value(form, "item" + i + ".ballistic"), null, null,
					value(form, "item" + i + ".nonIndustrialEntry")));
		}
		List<Seizures.Person> persons = new ArrayList<>();
		if (value(form, "person.name") != null) {
			persons.add(new Seizures.Person(value(form, "person.name"), value(form, "person.nationality"),
					value(form, "person.role") == null ? null : PersonRole.valueOf(value(form, "person.role"))));
		}
		if (violations.isEmpty()) {
			CommandResult result = seizures.record(
					new Seizures.RecordSeizure(seizedOn, value(form, "country"), value(form, "region"),
							value(form, "locality"), null, null, enumOf(PlaceKind.class, form, "placeKind"),
							value(form, "agency"), value(form, "caseReference"),
							enumOf(LegalBasis.class, form, "legalBasis"),
							enumOf(CriminalContext.class, form, "criminalContext"), null, persons, items),
					actors.of(who));
			if (result instanceof CommandResult.Accepted a) {
				return "redirect:/seizures/" + a.subjectId();
			}
			violations
				.addAll(((CommandResult.Rejected) result).violations().stream().map(SeizurePages::onForm).toList());
		}
		return formPage(form, violations, model);
	}

	/**
	 * Command fields to form ids: items[0].calibre is item0.calibre, persons[0].name is
	 * person.name.
	 */
	private static Refusal onForm(Refusal v) {
		String field = v.field()
			.replaceAll("items\\[(\\d)\\]\\.observed", "item$1.serial")
			.replaceAll("items\\[(\\d)\\]\\.", "item$1.")
			.replaceAll("items\\[(\\d)\\]", "item$1.kind")
			.replaceAll("persons\\[\\d\\]\\.", "person.")
			.replace("items", "item0.kind");
		return v.about(field);
	}

	private String formPage(Map<String, String> values, List<Refusal> violations, Model model) {
		model.addAttribute("values", values);
		model.addAttribute("violations", violations);
		Map<String, List<String>> byField = new HashMap<>();
		violations.forEach(v -> byField.computeIfAbsent(v.field(), k -> new ArrayList<>()).add(words.text(v)));
		model.addAttribute("fieldErrors", byField);
		model.addAttribute("rows", IntStream.range(0, ITEM_ROWS).boxed().toList());
		model.addAttribute("placeKinds", PlaceKind.values());
		model.addAttribute("legalBases", LegalBasis.values());
		model.addAttribute("contexts", CriminalContext.values());
		model.addAttribute("roles", PersonRole.values());
		model.addAttribute("types", FirearmType.values());
		model.addAttribute("partKinds", PartKind.values());
		model.addAttribute("designs",
				nonIndustrial.entries()
					.stream()
					.collect(Collectors.groupingBy(NonIndustrialCatalogue.Entry::kind, LinkedHashMap::new,
							Collectors.toList())));
		return "seizure/new-seizure";
	}

	@GetMapping("/seizures/{id}")
	String seizure(@PathVariable UUID id, @RequestParam(required = false) String purpose, Principal who, Model model) {
		SeizureQueries.SeizureView view = queries.seizure(id)
			.orElseThrow(() -> new NoSuchElementException("no seizure " + id));
		boolean showPersons = purpose != null && !purpose.isBlank();
		accessLog.record(who, AccessLog.Action.READ, "seizure " + view.reference(), null, purpose, 1);
		model.addAttribute("s", view);
		model.addAttribute("where",
				String.join(", ",
						Stream.of(view.locality(), view.region(), view.country())
							.filter(t -> t != null && !t.isBlank())
							.toList()));
		model.addAttribute("showPersons", showPersons);
		model.addAttribute("purpose", purpose);
		return "seizure/seizure";
	}

	@GetMapping("/seized-items/{id}")
	String item(@PathVariable UUID id, @RequestParam(required = false) String purpose, Principal who, Model model) {
		return itemPage(id, List.of(), purpose, who, model);
	}

	private String itemPage(UUID id, List<Refusal> violations, Principal who, Model model) {
		return itemPage(id, violations, null, who, model);
	}

	private String itemPage(UUID id, List<Refusal> violations, String purpose, Principal who, Model model) {
		SeizureQueries.ItemView item = queries.item(id)
			.orElseThrow(() -> new NoSuchElementException("no seized item " + id));
		accessLog.record(who, AccessLog.Action.READ, "seized item " + item.reference(), null, blankToNull(purpose), 1);
		model.addAttribute("i", item);
		model.addAttribute("violations", violations);
		model.addAttribute("missing", destruction.missingForDestruction(id, LocalDate.now()).orElseThrow());
		model.addAttribute("custodyKinds", CustodyEventKind.values());
		model.addAttribute("mayAct", Role.anyOf(who, Role.ADMIN, Role.REGISTRAR, Role.CUSTOMS, Role.INVESTIGATOR));
		model.addAttribute("mayDestroy", Role.anyOf(who, Role.ADMIN, Role.REGISTRAR));
		model.addAttribute("proposals",
				destruction.awaitingApproval().stream().filter(p -> p.itemIds().contains(id)).toList());
		return "seizure/item";
	}

	@PostMapping("/seized-items/{id}/custody-events")
	String custody(@PathVariable UUID id, @RequestParam Map<String, String> form, Principal who, Model model) {
		List<Refusal> violations = new ArrayList<>();
		LocalDate on = FormFields.date("on", form.get("on"), violations);
		if (!violations.isEmpty()) {
			return itemPage(id, violations, who, model);
		}
		return after(id, custody.recordCustodyEvent(id,
				new EvidenceCustody.RecordCustodyEvent(enumOf(CustodyEventKind.class, form, "kind"),
						value(form, "location"), value(form, "custodian"), on, value(form, "note")),
				actors.of(who)), who, model);
	}

	@PostMapping("/seized-items/{id}/judicial-holds")
	String hold(@PathVariable UUID id, @RequestParam Map<String, String> form, Principal who, Model model) {
		List<Refusal> violations = new ArrayList<>();
		LocalDate until = FormFields.date("until", form.get("until"), violations);
		if (!violations.isEmpty()) {
			return itemPage(id, violations, who, model);
		}
		return after(id,
				custody.placeHold(id,
						new EvidenceCustody.PlaceHold(value(form, "caseReference"), value(form, "court"), null, until),
						actors.of(who)),
				who, model);
	}

	@PostMapping("/seized-items/{id}/hold-releases")
	String release(@PathVariable UUID id, @RequestParam UUID holdId, @RequestParam(required = false) String reason,
			Principal who, Model model) {
		return after(id, custody.releaseHold(id, new EvidenceCustody.ReleaseHold(holdId, null, reason), actors.of(who)),
				who, model);
	}

	@PostMapping("/seized-items/{id}/destruction")
	String destroy(@PathVariable UUID id, @RequestParam Map<String, String> form, Principal who, Model model) {
		List<Refusal> violations = new ArrayList<>();
		LocalDate on = FormFields.date("destroyedOn", form.get("destroyedOn"), violations);
		if (!violations.isEmpty()) {
			return itemPage(id, violations, who, model);
		}
		List<String> witnesses = value(form, "witnesses") == null ? List.of()
				: Arrays.stream(value(form, "witnesses").split(",")).map(String::trim).toList();
		return after(id,
				destruction.propose(new DestructionGate.DestroyItems(List.of(id), value(form, "method"), witnesses, on),
						actors.of(who)),
				who, model);
	}

	private String after(UUID id, CommandResult result, Principal who, Model model) {
		if (result instanceof CommandResult.Rejected r) {
			return itemPage(id,
					r.violations().stream().map(v -> v.field().equals("itemIds") ? v.about("destruction") : v).toList(),
					who, model);
		}
		return "redirect:/seized-items/" + id;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

	private static String value(Map<String, String> form, String name) {
		String v = form.get(name);
		return v == null || v.isBlank() ? null : v.trim();
	}

	private static <E extends Enum<E>> E enumOf(Class<E> type, Map<String, String> form, String name) {
		String v = value(form, name);
		return v == null ? null : Enum.valueOf(type, v);
	}

}
