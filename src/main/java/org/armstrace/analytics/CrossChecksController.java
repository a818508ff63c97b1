package org.armstrace.analytics;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import org.armstrace.identity.AccessLog;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The cross-checks over HTTP, each as JSON and CSV: holders by role and id only; every
 * read goes to the access log.
 */
@RestController
@RequestMapping("/api/v1/analytics/cross-checks")
@Tag(name = "Analytics")
class CrossChecksController {

	private final CrossChecks checks;

	private final AccessLog accessLog;

	CrossChecksController(CrossChecks checks, AccessLog accessLog) {
		this.checks = checks;
		this.accessLog = accessLog;
	}

	@Operation(summary = "Retail dealers with many short time-to-crime traces over the window (Demand 2)")
	@GetMapping("/dealers")
	List<CrossChecks.DealerCase> dealers(Principal who,
			@RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		return logged(who, "dealers", purpose, checks.dealers(LocalDate.now()));
	}

	@Operation(summary = "Holders who acquired several handguns within a few days (multiple sales)")
	@GetMapping("/multiple-sales")
	List<CrossChecks.MultipleSale> multipleSales(Principal who,
			@RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		return logged(who, "multiple-sales", purpose, checks.multipleSales(LocalDate.now()));
	}

	@Operation(summary = "Licences whose holders' firearms are traced repeatedly")
	@GetMapping("/licences")
	List<CrossChecks.LicenceCase> licences(Principal who,
			@RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		return logged(who, "licences", purpose, checks.licences(LocalDate.now()));
	}

	@Operation(summary = "A cross-check as CSV: dealers.csv, multiple-sales.csv or licences.csv")
	@GetMapping("/{check}.csv")
	ResponseEntity<byte[]> csv(@PathVariable String check, Principal who,
			@RequestHeader(name = AccessLog.PURPOSE_HEADER, required = false) String purpose) {
		CrossCheckCsv.Check which = CrossCheckCsv.Check.of(check);
		accessLog.record(who, AccessLog.Action.EXPORT, "cross-check " + which.path + " (csv)", null, purpose, null);
		return CrossCheckCsv.file(which, checks, LocalDate.now());
	}

	private <T> List<T> logged(Principal who, String check, String purpose, List<T> found) {
		accessLog.record(who, AccessLog.Action.SEARCH, "cross-check " + check, null, purpose, found.size());
		return found;
	}

}
