package org.armstrace.ledger;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * The ledger page: its size, the latest signed head and the node's key; auditors run a
 * full verify from it.
 */
@Controller
class LedgerPages {

	private final Ledger ledger;

	private final LedgerVerification verification;

	private final NodeKey key;

	private final ProjectionAudit projections;

	LedgerPages(Ledger ledger, LedgerVerification verification, NodeKey key, ProjectionAudit projections) {
		this.projections = projections;
		this.ledger = ledger;
		this.verification = verification;
		this.key = key;
	}

	@GetMapping("/ledger")
	String ledger(Model model) {
		model.addAttribute("size", ledger.size());
		model.addAttribute("head", ledger.latestCheckpoint().orElse(null));
		model.addAttribute("verifierKey", key.verifierKey());
		if (!model.containsAttribute("projections")) {
			model.addAttribute("projections", projections.lastReport().orElse(null));
		}
		return "ledger/ledger";
	}

	@PostMapping("/ledger/projections/verify")
	String verifyProjections(Model model) {
		model.addAttribute("projections", projections.check());
		return ledger(model);
	}

	@PostMapping("/ledger/verify")
	String verify(Model model) {
		model.addAttribute("report", verification.verify(null));
		return ledger(model);
	}

}
