package org.armstrace.analytics;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import org.armstrace.identity.AccessLog;
import org.armstrace.seizure.SeizureStatistics;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The map of flows: seized firearms from their country of manufacture and of last legal
 * import to the country of seizure, as arcs on a world map drawn from bundled boundaries
 * (no network needed), beside the same as a table.
 */
@Controller
class FlowMapPages {

	private final Dashboards dashboards;

	private final AccessLog accessLog;

	FlowMapPages(Dashboards dashboards, AccessLog accessLog) {
		this.dashboards = dashboards;
		this.accessLog = accessLog;
	}

	@GetMapping("/analytics/map")
	String map(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String region, @RequestParam(required = false) String agency, Principal who,
			Model model) {
		SeizureStatistics.Filter filter = AnalysisDashboardController.filter(from, to, region, agency);
		List<Dashboards.Flow> flows = dashboards.flows(filter);
		accessLog.record(who, AccessLog.Action.SEARCH, "map of flows",
				AnalysisDashboardController.terms(filter, SeizureStatistics.Dimension.NONE), null, flows.size());
		model.addAttribute("filter", filter);
		model.addAttribute("flows", flows);
		return "analytics/map";
	}

}
