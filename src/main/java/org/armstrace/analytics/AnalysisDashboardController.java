package org.armstrace.analytics;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import org.armstrace.command.Limits;
import org.armstrace.identity.AccessLog;
import org.armstrace.seizure.SeizureStatistics;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * The dashboard's indicators over HTTP: all of them as JSON, each chart as CSV or XLSX.
 */
@RestController
@RequestMapping("/api/v1/analytics")
@Tag(name = "Analytics")
class AnalysisDashboardController {

	private final Dashboards dashboards;

	private final AccessLog accessLog;

	AnalysisDashboardController(Dashboards dashboards, AccessLog accessLog) {
		this.dashboards = dashboards;
		this.accessLog = accessLog;
	}

	@Operation(summary = "Seizures, items, traces and SDG 16.4.2 for a period (default: the last 12 months), "
			+ "a region and an agency; items split by FIREARM_TYPE, CRIMINAL_CONTEXT, PLACE_KIND or REGION")
	@GetMapping("/dashboard")
	Dashboards.Dashboard dashboard(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String region, @RequestParam(required = false) String agency,
			@RequestParam(defaultValue = "FIREARM_TYPE") SeizureStatistics.Dimension by, Principal who) {
		SeizureStatistics.Filter filter = filter(from, to, region, agency);
		accessLog.record(who, AccessLog.Action.SEARCH, "dashboard", terms(filter, by), null, null);
		return dashboards.dashboard(filter, by, LocalDate.now());
	}

	@Operation(summary = "One chart's data as csv or xlsx")
	@GetMapping("/dashboard/{chart}.{format}")
	ResponseEntity<byte[]> chart(@PathVariable String chart, @PathVariable String format,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String region, @RequestParam(required = false) String agency,
			@RequestParam(defaultValue = "FIREARM_TYPE") SeizureStatistics.Dimension by, Principal who) {
		SeizureStatistics.Filter filter = filter(from, to, region, agency);
		accessLog.record(who, AccessLog.Action.EXPORT, "dashboard chart " + chart + " (" + format + ")",
				terms(filter, by), null, null);
		return ChartFiles.file(dashboards.dashboard(filter, by, LocalDate.now()).chart(chart), format);
	}

	@Operation(summary = "Seized firearms from their country of manufacture and of last legal import "
			+ "to the country of seizure, for a period, a region and an agency")
	@GetMapping("/flows")
	List<Dashboards.Flow> flows(
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String region, @RequestParam(required = false) String agency,
			Principal who) {
		SeizureStatistics.Filter filter = filter(from, to, region, agency);
		List<Dashboards.Flow> flows = dashboards.flows(filter);
		accessLog.record(who, AccessLog.Action.SEARCH, "map of flows", terms(filter, SeizureStatistics.Dimension.NONE),
				null, flows.size());
		return flows;
	}

	/**
	 * The period (default: the twelve months to today) and the region and agency, each
	 * checked.
	 */
	static SeizureStatistics.Filter filter(LocalDate from, LocalDate to, String region, String agency) {
		LocalDate end = to == null ? LocalDate.now() : to;
		LocalDate start = from == null ? end.minusYears(1).plusDays(1) : from;
		if (start.isAfter(end)) {
			throw new IllegalArgumentException("from: on or before to (" + end + "), was " + start);
		}
		if (region != null && region.length() > Limits.SHORT) {
			throw new IllegalArgumentException("region: at most " + Limits.SHORT + " characters (Size)");
		}
		if (agency != null && agency.length() > Limits.NAME) {
			throw new IllegalArgumentException("agency: at most " + Limits.NAME + " characters (Size)");
		}
		return new SeizureStatistics.Filter(start, end, blank(region), blank(agency));
	}

	static String terms(SeizureStatistics.Filter f, SeizureStatistics.Dimension by) {
		return "from=" + f.from() + " to=" + f.to() + " region=" + f.region() + " agency=" + f.agency() + " by=" + by;
	}

	private static String blank(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
