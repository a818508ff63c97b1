package org.armstrace.analytics;

import java.security.Principal;
import java.time.LocalDate;

import org.armstrace.identity.AccessLog;
import org.armstrace.seizure.SeizureStatistics;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The analysis dashboard: filters, headline figures and charts, each chart beside its
 * data table and its CSV and XLSX files.
 */
@Controller
class DashboardPages {

	private final Dashboards dashboards;

	private final AccessLog accessLog;

	DashboardPages(Dashboards dashboards, AccessLog accessLog) {
		this.dashboards = dashboards;
		this.accessLog = accessLog;
	}

	@GetMapping("/analytics/dashboard")
	String dashboard(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String region, @RequestParam(required = false) String agency,
			@RequestParam(defaultValue = "FIREARM_TYPE") SeizureStatistics.Dimension by, Principal who, Model model) {
		SeizureStatistics.Filter filter = AnalysisDashboardController.filter(from, to, region, agency);
		accessLog.record(who, AccessLog.Action.SEARCH, "dashboard", AnalysisDashboardController.terms(filter, by), null,
				null);
		model.addAttribute("d", dashboards.dashboard(filter, by, LocalDate.now()));
		model.addAttribute("dimensions",
				new SeizureStatistics.Dimension[] { SeizureStatistics.Dimension.FIREARM_TYPE,
						SeizureStatistics.Dimension.CRIMINAL_CONTEXT, SeizureStatistics.Dimension.PLACE_KIND,
						SeizureStatistics.Dimension.REGION });
		return "analytics/dashboard";
	}

	@GetMapping("/analytics/dashboard/{chart}.{format}")
	ResponseEntity<byte[]> chart(@PathVariable String chart, @PathVariable String format,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String region, @RequestParam(required = false) String agency,
			@RequestParam(defaultValue = "FIREARM_TYPE") SeizureStatistics.Dimension by, Principal who) {
		SeizureStatistics.Filter filter = AnalysisDashboardController.filter(from, to, region, agency);
		accessLog.record(who, AccessLog.Action.EXPORT, "dashboard chart " + chart + " (" + format + ")",
				AnalysisDashboardController.terms(filter, by), null, null);
		return ChartFiles.file(dashboards.dashboard(filter, by, LocalDate.now()).chart(chart), format);
	}

}
