package org.armstrace.seizure;

import java.security.Principal;
import java.util.List;
import java.util.UUID;

import org.armstrace.command.CommandResult;
import org.armstrace.command.Refusal;
import org.armstrace.identity.Actors;
import org.armstrace.identity.Role;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The second person's pages: proposed destructions awaiting approval, and bulk exports of
 * items in custody, asked for, approved by someone else, then downloaded once by whoever
 * asked.
 */
@Controller
class ApprovalPages {

	private final DestructionGate destruction;

	private final CustodyExports exports;

	private final Actors actors;

	ApprovalPages(DestructionGate destruction, CustodyExports exports, Actors actors) {
		this.destruction = destruction;
		this.exports = exports;
		this.actors = actors;
	}

	@GetMapping("/destructions")
	String destructions(Principal who, Model model) {
		return destructionsPage(List.of(), who, model);
	}

	@PostMapping("/destructions/{id}/approval")
	String approveDestruction(@PathVariable UUID id, Principal who, Model model) {
		CommandResult result = destruction.approve(id, actors.of(who));
		if (result instanceof CommandResult.Rejected r) {
			return destructionsPage(r.violations(), who, model);
		}
		return "redirect:/destructions?approved=" + id;
	}

	private String destructionsPage(List<Refusal> violations, Principal who, Model model) {
		model.addAttribute("violations", violations);
		model.addAttribute("proposals", destruction.awaitingApproval());
		model.addAttribute("actor", actors.of(who));
		model.addAttribute("mayApprove", Role.anyOf(who, Role.ADMIN, Role.REGISTRAR));
		return "seizure/destructions";
	}

	@GetMapping("/custody/exports")
	String exports(Principal who, Model model) {
		return exportsPage(List.of(), who, model);
	}

	@PostMapping("/custody/exports")
	String requestExport(@RequestParam(required = false) String location,
			@RequestParam(required = false) CustodyStatus status, @RequestParam(required = false) String purpose,
			Principal who, Model model) {
		// an unknown status is refused by the binding (400), before anything is asked
		CommandResult result = exports.request(location, status, purpose, who);
		if (result instanceof CommandResult.Rejected r) {
			return exportsPage(r.violations(), who, model);
		}
		return "redirect:/custody/exports";
	}

	@PostMapping("/custody/exports/{id}/approval")
	String approveExport(@PathVariable UUID id, Principal who, Model model) {
		CommandResult result = exports.approve(id, who);
		if (result instanceof CommandResult.Rejected r) {
			return exportsPage(r.violations(), who, model);
		}
		return "redirect:/custody/exports";
	}

	@GetMapping("/custody/exports/{id}/items.csv")
	@ResponseBody
	ResponseEntity<byte[]> download(@PathVariable UUID id, Principal who) {
		return exports.download(id, who)
			.map(csv -> Downloads.csv("custody.csv", csv))
			// not approved, not the asker's or already downloaded: there is no file for
			// this
			// person, which is not a refusal of the page
			.orElseGet(() -> ResponseEntity.notFound().build());
	}

	private String exportsPage(List<Refusal> violations, Principal who, Model model) {
		model.addAttribute("violations", violations);
		model.addAttribute("requests", exports.open());
		model.addAttribute("actor", actors.of(who));
		return "seizure/exports";
	}

}
