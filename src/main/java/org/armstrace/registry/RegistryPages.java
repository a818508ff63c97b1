package org.armstrace.registry;

import java.security.Principal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.UUID;
import java.util.stream.Stream;

import org.armstrace.command.CommandResult;
import org.armstrace.command.CommonRule;
import org.armstrace.command.Refusal;
import org.armstrace.identity.AccessLog;
import org.armstrace.identity.Actors;
import org.armstrace.identity.Role;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry's pages: find a firearm, its record with timeline and ledger proofs,
 * record a transfer.
 */
@Controller
class RegistryPages {

	private final RegistryQueries queries;

	private final FirearmCommands firearms;

	private final AccessLog accessLog;

	private final Actors actors;

	private final MessageSource messages;

	private final DealerStock stock;

	RegistryPages(RegistryQueries queries, FirearmCommands firearms, AccessLog accessLog, Actors actors,
			MessageSource messages, DealerStock stock) {
		this.stock = stock;
		this.queries = queries;
		this.firearms = firearms;
		this.accessLog = accessLog;
		this.actors = actors;
		this.messages = messages;
	}

	@GetMapping("/firearms")
	String search(@RequestParam(required = false) String serial, @RequestParam(required = false) String make,
			@RequestParam(required = false, name = "model") String firearmModel,
			@RequestParam(required = false) String holder, @RequestParam(required = false) String purpose,
			Principal who, Model model, Locale locale) {
		model.addAttribute("serial", serial);
		model.addAttribute("make", make);
		model.addAttribute("model", firearmModel);
		model.addAttribute("holder", holder);
		model.addAttribute("purpose", purpose);
		boolean anything = Stream.of(serial, make, firearmModel, holder).anyMatch(t -> t != null && !t.isBlank());
		if (!anything) {
			return "registry/search";
		}
		// a holder's name is personal data: searching by it needs a stated purpose
		if (holder != null && !holder.isBlank() && (purpose == null || purpose.isBlank())) {
			model.addAttribute("purposeError", messages.getMessage("search.purposeRequired", null, locale));
			return "registry/search";
		}
		List<RegistryQueries.FirearmSummary> results = queries.findFirearms(serial, make, firearmModel, holder, 100);
		accessLog.record(who, AccessLog.Action.SEARCH, "firearms",
				"serial=" + serial + " make=" + make + " model=" + firearmModel + " holder=" + holder, purpose,
				results.size());
		model.addAttribute("results", results);
		return "registry/search";
	}

	/**
	 * A record: its holder by role and id; with a stated purpose also the holder's name,
	 * address and licence, and the purpose goes to the access log.
	 */
	@GetMapping("/firearms/{id}")
	String firearm(@PathVariable UUID id, @RequestParam(required = false) String purpose, Principal who, Model model) {
		stock.require(id, who);
		boolean stated = purpose != null && !purpose.isBlank();
		RegistryQueries.FirearmView firearm = (stated ? queries.firearmWithHolderIdentity(id) : queries.firearm(id))
			.orElseThrow(() -> new NoSuchElementException("no firearm " + id));
		accessLog.record(who, AccessLog.Action.READ, "firearm " + firearm.recordNumber(), disclosed(firearm, stated),
				stated ? purpose : null, 1);
		model.addAttribute("firearm", firearm);
		model.addAttribute("purpose", purpose);
		model.addAttribute("holderShown", stated && firearm.holder() != null);
		model.addAttribute("mayTransfer", Role.anyOf(who, Role.ADMIN, Role.REGISTRAR, Role.DEALER));
		model.addAttribute("actions", LifeCyclePages.allowed(who));
		return "registry/firearm";
	}

	/**
	 * What the access log notes of a record read: whose name, address and licence it
	 * showed (null when none).
	 */
	static String disclosed(RegistryQueries.FirearmView firearm, boolean purposeStated) {
		return purposeStated && firearm.holder() != null ? "holder shown: " + firearm.holder().id() : null;
	}

	@GetMapping("/firearms/{id}/transfer")
	String transferForm(@PathVariable UUID id, @RequestParam(required = false) String recorded, Principal who,
			Model model) {
		// a dealer's own sale, just recorded: confirmed from this session's flash, as the
		// firearm has left its stock
		if (recorded == null || !model.containsAttribute("firearm")) {
			stock.require(id, who);
			model.addAttribute("firearm",
					queries.firearm(id).orElseThrow(() -> new NoSuchElementException("no firearm " + id)));
		}
		model.addAttribute("violations", List.of());
		model.addAttribute("recorded", recorded != null);
		return "registry/transfer";
	}

	@PostMapping("/firearms/{id}/transfer")
	String transfer(@PathVariable UUID id, @RequestParam String toHolderId, @RequestParam String occurredOn,
			Principal who, Model model, RedirectAttributes flash) {
		stock.require(id, who);
		List<Refusal> violations;
		UUID holder = null;
		LocalDate on = null;
		try {
			holder = UUID.fromString(toHolderId.trim());
			on = occurredOn.isBlank() ? null : LocalDate.parse(occurredOn.trim());
			CommandResult result = firearms.transfer(id, new FirearmCommands.TransferFirearm(holder, on),
					actors.of(who), null, stock.of(who).orElse(null));
			if (result instanceof CommandResult.Accepted) {
				if (Role.readsRecords(who)) {
					return "redirect:/firearms/" + id;
				}
				// a role that reads no record (DEALER) stays on the form, with a
				// confirmation
				flash.addFlashAttribute("firearm", queries.firearmSummary(id).orElseThrow());
				return "redirect:/firearms/" + id + "/transfer?recorded";
			}
			// a rule about the firearm itself (its status) is shown at the one field the
			// form has
			violations = ((CommandResult.Rejected) result).violations()
				.stream()
				.map(v -> v.field().equals("firearmId") ? v.about("toHolderId") : v)
				.toList();
		}
		catch (IllegalArgumentException | DateTimeParseException e) {
			boolean badHolder = holder == null;
			violations = List.of(badHolder ? Refusal.of("toHolderId", CommonRule.IdIsUuid, toHolderId)
					: Refusal.of("occurredOn", CommonRule.DateIsIsoFormat, occurredOn));
		}
		model.addAttribute("firearm",
				queries.firearm(id).orElseThrow(() -> new NoSuchElementException("no firearm " + id)));
		model.addAttribute("violations", violations);
		model.addAttribute("recorded", false);
		model.addAttribute("toHolderId", toHolderId);
		model.addAttribute("occurredOn", occurredOn);
		return "registry/transfer";
	}

}
