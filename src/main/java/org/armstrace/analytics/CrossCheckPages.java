package org.armstrace.analytics;

import java.security.Principal;
import java.time.LocalDate;

import org.armstrace.identity.AccessLog;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** The page of the three cross-checks with their thresholds, and their CSV files. */
@Controller
class CrossCheckPages {

	private final CrossChecks checks;

	private final AnalyticsProperties thresholds;

	private final AccessLog accessLog;

	CrossCheckPages(CrossChecks checks, AnalyticsProperties thresholds, AccessLog accessLog) {
		this.checks = checks;
		this.thresholds = thresholds;
		this.accessLog = accessLog;
	}

	@GetMapping("/analytics/cross-checks")
	String page(Principal who, Model model) {
		LocalDate today = LocalDate.now();
		var dealers = checks.dealers(today);
		var sales = checks.multipleSales(today);
		var licences = checks.licences(today);
		accessLog.record(who, AccessLog.Action.SEARCH, "cross-checks", null, null,
				dealers.size() + sales.size() + licences.size());
		model.addAttribute("dealers", dealers);
		model.addAttribute("sales", sales);
		model.addAttribute("licences", licences);
		model.addAttribute("t", thresholds);
		return "analytics/cross-checks";
	}

	@GetMapping("/analytics/cross-checks/{check}.csv")
	ResponseEntity<byte[]> csv(@PathVariable String check, Principal who) {
		CrossCheckCsv.Check which = CrossCheckCsv.Check.of(check);
		accessLog.record(who, AccessLog.Action.EXPORT, "cross-check " + which.path + " (csv)", null, null, null);
		return CrossCheckCsv.file(which, checks, LocalDate.now());
	}

}
