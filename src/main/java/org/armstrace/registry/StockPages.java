package org.armstrace.registry;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.armstrace.command.CommandResult;
import org.armstrace.command.CommonRule;
import org.armstrace.command.FormFields;
import org.armstrace.command.Limits;
import org.armstrace.command.Refusal;
import org.armstrace.identity.AccessLog;
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
 * The pages of stock that is not a firearm, and of a dealer's own stock: register a part
 * and fit or remove it, register an ammunition lot and record its transfers and
 * consumption; a dealer's stock, register and acquisitions. A dealer's account sees only
 * what its holder holds, as on the API.
 */
@Controller
class StockPages {

	/** A form's field: its name and, for a choice, the values offered. */
	record Field(String name, List<String> choices) {

		static Field text(String name) {
			return new Field(name, List.of());
		}

		static <E extends Enum<E>> Field choice(String name, E[] values) {
			return new Field(name, Arrays.stream(values).map(Enum::name).toList());
		}

	}

	static final List<Field> PART_FIELDS = List.of(Field.choice("kind", PartKind.values()), Field.text("make"),
			Field.text("calibre"), Field.text("serial"), Field.text("countryOfManufacture"), Field.text("holderId"),
			Field.text("occurredOn"));

	static final List<Field> LOT_FIELDS = List.of(Field.text("manufacturer"), Field.text("calibre"),
			Field.text("lotNumber"), Field.text("headstamp"), Field.text("year"), Field.text("holderId"),
			Field.text("quantity"), Field.text("occurredOn"));

	static final List<Field> ACQUISITION_FIELDS = List.of(Field.text("recordNumber"), Field.text("serial"),
			Field.text("occurredOn"));

	private final PartCommands parts;

	private final AmmunitionCommands ammunition;

	private final FirearmCommands firearms;

	private final RegistryQueries queries;

	private final HoldingRegisters registers;

	private final DealerStock stock;

	private final Actors actors;

	private final AccessLog accessLog;

	StockPages(PartCommands parts, AmmunitionCommands ammunition, FirearmCommands firearms, RegistryQueries queries,
			HoldingRegisters registers, DealerStock stock, Actors actors, AccessLog accessLog) {
		this.parts = parts;
		this.ammunition = ammunition;
		this.firearms = firearms;
		this.queries = queries;
		this.registers = registers;
		this.stock = stock;
		this.actors = actors;
		this.accessLog = accessLog;
	}

	// Parts

	@GetMapping("/parts/new")
	String partForm(@RequestParam(required = false) String holderId, Model model) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("holderId", holderId);
		return form("part", "/parts/new", PART_FIELDS, values, List.of(), model);
	}

	@PostMapping("/parts/new")
	String registerPart(@RequestParam Map<String, String> form, Principal who, Model model) {
		List<Refusal> violations = new ArrayList<>();
		PartKind kind = RegistrationPages.choice(PartKind.class, form.get("kind"), "kind", violations);
		UUID holder = FormFields.id("holderId", form.get("holderId"), violations);
		LocalDate on = FormFields.date("occurredOn", form.get("occurredOn"), violations);
		if (violations.isEmpty()) {
			CommandResult result = parts.register(
					new PartCommands.RegisterPart(kind, FormFields.text(form.get("make")),
							FormFields.text(form.get("calibre")), FormFields.text(form.get("serial")),
							FormFields.text(form.get("countryOfManufacture")), List.of(), holder, on),
					actors.of(who), null);
			if (result instanceof CommandResult.Accepted accepted) {
				return "redirect:/parts/" + accepted.subjectId();
			}
			violations.addAll(((CommandResult.Rejected) result).violations());
		}
		return form("part", "/parts/new", PART_FIELDS, form, violations, model);
	}

	@GetMapping("/parts/{id}")
	String part(@PathVariable UUID id, Principal who, Model model) {
		return partPage(id, who, model, List.of(), null);
	}

	@PostMapping("/parts/{id}/fitting")
	String fit(@PathVariable UUID id, @RequestParam Map<String, String> form, Principal who, Model model) {
		List<Refusal> violations = new ArrayList<>();
		UUID firearm = FormFields.id("firearmId", form.get("firearmId"), violations);
		if (firearm == null && violations.isEmpty()) {
			violations.add(Refusal.of("firearmId", CommonRule.FieldIsRequired));
		}
		LocalDate on = FormFields.date("occurredOn", form.get("occurredOn"), violations);
		if (violations.isEmpty()) {
			violations.addAll(refusals(parts.fit(id, new PartCommands.FitPart(firearm, on), actors.of(who), null)));
		}
		return partPage(id, who, model, violations, violations.isEmpty() ? "fitted" : null);
	}

	@PostMapping("/parts/{id}/removal")
	String remove(@PathVariable UUID id, @RequestParam Map<String, String> form, Principal who, Model model) {
		List<Refusal> violations = new ArrayList<>();
		LocalDate on = FormFields.date("occurredOn", form.get("occurredOn"), violations);
		if (violations.isEmpty()) {
			violations.addAll(refusals(parts.remove(id, new PartCommands.RemovePart(on), actors.of(who), null)));
		}
		return partPage(id, who, model, violations, violations.isEmpty() ? "removed" : null);
	}

	private String partPage(UUID id, Principal who, Model model, List<Refusal> violations, String recorded) {
		RegistryQueries.PartView part = queries.part(id).orElseThrow(() -> new NoSuchElementException("no part " + id));
		stock.requirePart(id, who);
		model.addAttribute("part", part);
		model.addAttribute("fittedTo",
				part.fittedTo() == null ? null : queries.recordNumber(part.fittedTo()).orElse(null));
		model.addAttribute("violations", violations);
		model.addAttribute("recorded", recorded);
		model.addAttribute("mayFit", Role.anyOf(who, Role.ADMIN, Role.REGISTRAR));
		return "registry/part";
	}

	// Ammunition

	@GetMapping("/ammunition-lots/new")
	String lotForm(@RequestParam(required = false) String holderId, Model model) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("holderId", holderId);
		return form("lot", "/ammunition-lots/new", LOT_FIELDS, values, List.of(), model);
	}

	@PostMapping("/ammunition-lots/new")
	String produce(@RequestParam Map<String, String> form, Principal who, Model model) {
		List<Refusal> violations = new ArrayList<>();
		Integer year = FormFields.number("year", form.get("year"), CommonRule.NumberIsWhole, violations);
		Integer quantity = FormFields.number("quantity", form.get("quantity"), CommonRule.NumberIsWhole, violations);
		UUID holder = FormFields.id("holderId", form.get("holderId"), violations);
		LocalDate on = FormFields.date("occurredOn", form.get("occurredOn"), violations);
		if (violations.isEmpty()) {
			CommandResult result = ammunition.produce(
					new AmmunitionCommands.ProduceAmmunition(FormFields.text(form.get("manufacturer")),
							FormFields.text(form.get("calibre")), FormFields.text(form.get("lotNumber")),
							FormFields.text(form.get("headstamp")), year, holder, quantity == null ? 0 : quantity, on),
					actors.of(who), null);
			if (result instanceof CommandResult.Accepted accepted) {
				return "redirect:/ammunition-lots/" + accepted.subjectId();
			}
			violations.addAll(((CommandResult.Rejected) result).violations());
		}
		return form("lot", "/ammunition-lots/new", LOT_FIELDS, form, violations, model);
	}

	@GetMapping("/ammunition-lots/{id}")
	String lot(@PathVariable UUID id, Principal who, Model model) {
		return lotPage(id, who, model, List.of(), null);
	}

	@PostMapping("/ammunition-lots/{id}/transfer")
	String transferRounds(@PathVariable UUID id, @RequestParam Map<String, String> form, Principal who, Model model) {
		List<Refusal> violations = new ArrayList<>();
		Optional<UUID> dealer = stock.of(who);
		UUID from = dealer.isPresent() ? dealer.get()
				: FormFields.id("fromHolderId", form.get("fromHolderId"), violations);
		UUID to = FormFields.id("toHolderId", form.get("toHolderId"), violations);
		Integer quantity = FormFields.number("quantity", form.get("quantity"), CommonRule.NumberIsWhole, violations);
		LocalDate on = FormFields.date("occurredOn", form.get("occurredOn"), violations);
		stock.requireLot(id, who);
		if (violations.isEmpty()) {
			violations.addAll(refusals(ammunition.transfer(id,
					new AmmunitionCommands.TransferAmmunition(from, to, quantity == null ? 0 : quantity, on),
					actors.of(who), null)));
		}
		return lotPage(id, who, model, violations, violations.isEmpty() ? "transferred" : null);
	}

	@PostMapping("/ammunition-lots/{id}/consumption")
	String consume(@PathVariable UUID id, @RequestParam Map<String, String> form, Principal who, Model model) {
		List<Refusal> violations = new ArrayList<>();
		UUID holder = FormFields.id("holderId", form.get("holderId"), violations);
		Integer quantity = FormFields.number("quantity", form.get("quantity"), CommonRule.NumberIsWhole, violations);
		LocalDate on = FormFields.date("occurredOn", form.get("occurredOn"), violations);
		if (violations.isEmpty()) {
			violations.addAll(refusals(ammunition.consume(id, new AmmunitionCommands.ConsumeAmmunition(holder,
					quantity == null ? 0 : quantity, FormFields.text(form.get("reason")), on), actors.of(who), null)));
		}
		return lotPage(id, who, model, violations, violations.isEmpty() ? "consumed" : null);
	}

	private String lotPage(UUID id, Principal who, Model model, List<Refusal> violations, String recorded) {
		RegistryQueries.AmmunitionLotView lot = queries.ammunitionLot(id)
			.orElseThrow(() -> new NoSuchElementException("no ammunition lot " + id));
		Optional<UUID> dealer = stock.of(who);
		// a dealer whose last rounds of the lot just left sees the confirmation, not a
		// 404
		if (recorded == null || dealer.isEmpty()) {
			stock.requireLot(id, who);
		}
		model.addAttribute("lot", dealer.map(holder -> lot.heldBy(Set.of(holder))).orElse(lot));
		model.addAttribute("violations", violations);
		model.addAttribute("recorded", recorded);
		model.addAttribute("dealer", dealer.isPresent());
		model.addAttribute("mayConsume", Role.anyOf(who, Role.ADMIN, Role.REGISTRAR));
		return "registry/lot";
	}

	// A dealer's own stock and register

	@GetMapping("/dealer")
	String dealer(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String purpose, Principal who, Model model) {
		Optional<UUID> holder = stock.of(who);
		model.addAttribute("bound", holder.isPresent());
		List<Refusal> violations = new ArrayList<>();
		LocalDate since = FormFields.date("from", from, violations);
		LocalDate until = FormFields.date("to", to, violations);
		if (since != null && until != null && until.isBefore(since)) {
			violations.add(Refusal.of("to", CommonRule.DateIsInOrder, "from", until, since));
		}
		boolean names = purpose != null && !purpose.isBlank() && purpose.length() <= Limits.TEXT;
		holder.ifPresent(h -> {
			model.addAttribute("holderId", h);
			model.addAttribute("firearms", queries.firearmsHeldBy(h, DealerController.STOCK_LIMIT));
			model.addAttribute("parts", queries.partsHeldBy(h, DealerController.STOCK_LIMIT));
			model.addAttribute("lots", queries.lotsHeldBy(h, DealerController.STOCK_LIMIT));
			List<HoldingRegisters.Line> lines = violations.isEmpty() ? registers.register(h, since, until, names)
					: List.of();
			if (names) {
				accessLog.record(who, AccessLog.Action.READ, "register of holder " + h, null, purpose, lines.size());
			}
			model.addAttribute("lines", lines);
		});
		model.addAttribute("violations", violations);
		model.addAttribute("from", from);
		model.addAttribute("to", to);
		model.addAttribute("purpose", names ? purpose : null);
		return "registry/dealer";
	}

	@GetMapping("/dealer/register.csv")
	ResponseEntity<byte[]> dealerCsv(@RequestParam(required = false) String from,
			@RequestParam(required = false) String to, Principal who) {
		UUID holder = stock.of(who)
			.orElseThrow(() -> new IllegalArgumentException("this account keeps no dealer's stock"));
		List<Refusal> violations = new ArrayList<>();
		LocalDate since = FormFields.date("from", from, violations);
		LocalDate until = FormFields.date("to", to, violations);
		if (!violations.isEmpty()) {
			throw new IllegalArgumentException(violations.get(0).field() + ": not a date (YYYY-MM-DD)");
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"register.csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(registers.csv(registers.register(holder, since, until, false)).getBytes(StandardCharsets.UTF_8));
	}

	@GetMapping("/dealer/acquisition")
	String acquisitionForm(Model model) {
		return form("acquisition", "/dealer/acquisition", ACQUISITION_FIELDS, Map.of(), List.of(), model);
	}

	@PostMapping("/dealer/acquisition")
	String acquire(@RequestParam Map<String, String> form, Principal who, Model model) {
		UUID holder = stock.of(who)
			.orElseThrow(() -> new IllegalArgumentException("this account keeps no dealer's stock"));
		List<Refusal> violations = new ArrayList<>();
		LocalDate on = FormFields.date("occurredOn", form.get("occurredOn"), violations);
		if (violations.isEmpty()) {
			CommandResult result = firearms
				.acquireIntoStock(new FirearmCommands.AcquireIntoStock(FormFields.text(form.get("recordNumber")),
						FormFields.text(form.get("serial")), on), actors.of(who), null, holder);
			if (result instanceof CommandResult.Accepted accepted) {
				return "redirect:/firearms/" + accepted.subjectId();
			}
			List<Refusal> refused = ((CommandResult.Rejected) result).violations();
			if (refused.stream().anyMatch(v -> v.rule() == RegistryRule.FirearmMustExist)) {
				accessLog.record(who, AccessLog.Action.REFUSED, "firearm " + form.get("recordNumber"),
						"record number and serial name no firearm", null, 0);
				// named on the form's first field: the record number and serial do not
				// match, without saying which
				violations.add(Refusal.of("recordNumber", RegistryRule.FirearmMustExist, form.get("recordNumber")));
			}
			else {
				violations.addAll(refused);
			}
		}
		return form("acquisition", "/dealer/acquisition", ACQUISITION_FIELDS, form, violations, model);
	}

	private static String form(String kind, String action, List<Field> fields, Map<String, String> values,
			List<Refusal> violations, Model model) {
		model.addAttribute("kind", kind);
		model.addAttribute("action", action);
		model.addAttribute("fields", fields);
		model.addAttribute("values", values);
		model.addAttribute("violations", violations);
		model.addAttribute("fieldErrors", RegistrationPages.byField(violations));
		return "registry/stock-form";
	}

	private static List<Refusal> refusals(CommandResult result) {
		return result instanceof CommandResult.Rejected rejected ? rejected.violations() : List.of();
	}

}
