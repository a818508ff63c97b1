package org.armstrace.web;

import java.time.LocalDate;

import org.armstrace.ledger.Ledger;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.exchange.InternationalTracing;
import org.armstrace.seizure.SeizureQueries;
import org.armstrace.tracing.TraceRequestQueries;
import org.armstrace.transfers.AuthorisationQueries;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The first page after sign-in: firearms by status, trace requests due, items in custody
 * and judicial deadlines, non-industrial designs seized by month (the emerging-threat
 * view), and the state of the ledger.
 */
@Controller
class DashboardController {

	/**
	 * How many months, this one included, the non-industrial designs seized are shown
	 * for.
	 */
	static final int DESIGN_MONTHS = 24;

	private final RegistryQueries registry;

	private final Ledger ledger;

	private final TraceRequestQueries traceRequests;

	private final SeizureQueries seizures;

	private final AuthorisationQueries transfers;

	private final InternationalTracing international;

	DashboardController(RegistryQueries registry, Ledger ledger, TraceRequestQueries traceRequests,
			SeizureQueries seizures, AuthorisationQueries transfers, InternationalTracing international) {
		this.transfers = transfers;
		this.international = international;
		this.registry = registry;
		this.ledger = ledger;
		this.traceRequests = traceRequests;
		this.seizures = seizures;
	}

	@GetMapping("/")
	String dashboard(Model model) {
		model.addAttribute("counts", registry.firearmsByStatus().entrySet());
		model.addAttribute("ledgerSize", ledger.size());
		model.addAttribute("head", ledger.latestCheckpoint().orElse(null));
		model.addAttribute("overdueTraces", traceRequests.overdueCount());
		model.addAttribute("openTraces", traceRequests.awaitingAnswerCount());
		model.addAttribute("international", international.queue());
		model.addAttribute("inCustody", seizures.inCustodyCount());
		model.addAttribute("transferAlerts", transfers.alerts(LocalDate.now()).size());
		model.addAttribute("deadlines", seizures.deadlines(30).size());
		model.addAttribute("designs",
				seizures.nonIndustrialByMonth(LocalDate.now().minusMonths(DESIGN_MONTHS - 1).withDayOfMonth(1)));
		model.addAttribute("designMonths", DESIGN_MONTHS);
		return "web/dashboard";
	}

}
