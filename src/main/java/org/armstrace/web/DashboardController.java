package org.armstrace.web;

import org.armstrace.ledger.Ledger;
import org.armstrace.registry.RegistryQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The first page after sign-in: firearms by status and the state of the ledger. */
@Controller
class DashboardController {

	private final RegistryQueries registry;

	private final Ledger ledger;

	DashboardController(RegistryQueries registry, Ledger ledger) {
		this.registry = registry;
		this.ledger = ledger;
	}

	@GetMapping("/")
	String dashboard(Model model) {
		model.addAttribute("counts", registry.firearmsByStatus().entrySet());
		model.addAttribute("ledgerSize", ledger.size());
		model.addAttribute("head", ledger.latestCheckpoint().orElse(null));
		return "web/dashboard";
	}

}
