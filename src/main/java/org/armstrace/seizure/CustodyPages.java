package org.armstrace.seizure;

import java.security.Principal;
import java.time.LocalDate;
import java.util.List;

import org.armstrace.identity.AccessLog;
import org.armstrace.reference.NonIndustrialCatalogue;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The evidence officer's and the analyst's pages: items in custody with the judicial
 * deadlines (their CSV is an approved export: {@link ApprovalPages}), and the IAFQ
 * export. A stated purpose goes to the access log with every read.
 */
@Controller
class CustodyPages {

	private final SeizureQueries queries;

	private final IafqExport iafq;

	private final AccessLog accessLog;

	private final JdbcClient jdbc;

	private final NonIndustrialCatalogue nonIndustrial;

	CustodyPages(SeizureQueries queries, IafqExport iafq, AccessLog accessLog, JdbcClient jdbc,
			NonIndustrialCatalogue nonIndustrial) {
		this.nonIndustrial = nonIndustrial;
		this.queries = queries;
		this.iafq = iafq;
		this.accessLog = accessLog;
		this.jdbc = jdbc;
	}

	@GetMapping("/custody")
	String custody(@RequestParam(required = false) String location,
			@RequestParam(required = false) CustodyStatus status, @RequestParam(required = false) String entry,
			@RequestParam(defaultValue = "30") int days, @RequestParam(required = false) String purpose, Principal who,
			Model model) {
		// an unknown status is refused by the binding (400)
		List<SeizureQueries.ItemView> items = queries.inCustody(location, status, blankToNull(entry), null, 200);
		accessLog.record(who, AccessLog.Action.SEARCH, "items in custody",
				"location=" + location + " status=" + status + " entry=" + entry, blankToNull(purpose), items.size());
		model.addAttribute("entry", blankToNull(entry));
		model.addAttribute("designs", nonIndustrial.entries());
		model.addAttribute("items", items);
		model.addAttribute("purpose", blankToNull(purpose));
		model.addAttribute("deadlines", queries.deadlines(Math.max(0, Math.min(days, 3650))));
		model.addAttribute("days", days);
		model.addAttribute("location", location);
		model.addAttribute("status", status == null ? null : status.name());
		model.addAttribute("statuses",
				List.of(CustodyStatus.IN_CUSTODY, CustodyStatus.AT_LABORATORY, CustodyStatus.AT_COURT));
		model.addAttribute(
				"locations", jdbc
					.sql("SELECT DISTINCT storage_location FROM seized_item WHERE "
							+ "storage_location IS NOT NULL ORDER BY storage_location")
					.query(String.class)
					.list());
		return "seizure/custody";
	}

	@GetMapping("/iafq")
	String iafqPage(Model model) {
		int year = LocalDate.now().getYear() - 1;
		model.addAttribute("from", LocalDate.of(year, 1, 1));
		model.addAttribute("to", LocalDate.of(year, 12, 31));
		return "seizure/iafq";
	}

	@GetMapping("/iafq/export")
	@ResponseBody
	ResponseEntity<byte[]> iafqExport(@RequestParam String from, @RequestParam String to,
			@RequestParam(defaultValue = "xlsx") String format, Principal who) {
		IafqExport.Report report = iafq.report(LocalDate.parse(from), LocalDate.parse(to));
		accessLog.record(who, AccessLog.Action.EXPORT, "IAFQ " + from + ".." + to + " (" + format + ")", null, null,
				report.items().size());
		return Downloads.iafq(iafq, report, format);
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
