package org.armstrace.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.WebSession;
import org.armstrace.demo.DemoRegistry;
import org.armstrace.demo.DemoSeizures;
import org.armstrace.identity.Role;
import org.armstrace.seizure.SeizureStatistics.Dimension;
import org.armstrace.seizure.SeizureStatistics.Filter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * The dashboard's totals equal the records: seizures and items, by month and split,
 * traces by state, SDG 16.4.2; filtered by region; each chart's CSV and XLSX hold the
 * same numbers.
 */
@DatabaseTest
// the test counts the months itself
@TestPropertySource(properties = { "armstrace.test.context=dashboard", "armstrace.analytics.count-after=PT6H" })
@DirtiesContext
class DashboardTests {

	/** Seized firearms whose trace identified a record: SDG 16.4.2's established ones. */
	private static final String ESTABLISHED = "SELECT COUNT(*) FROM seized_item i JOIN seizure s "
			+ "ON s.id = i.seizure_id JOIN trace_request t ON t.id = i.trace_request_id "
			+ "WHERE s.seized_on BETWEEN ? AND ? AND i.kind = 'FIREARM' AND i.trace_exception IS NULL "
			+ "AND t.answered_on IS NOT NULL AND t.firearm_id IS NOT NULL AND t.unresolved_reason IS NULL";

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	DemoRegistry registry;

	@Autowired
	DemoSeizures demo;

	@Autowired
	Dashboards dashboards;

	@Autowired
	MonthlyCounts monthlyCounts;

	@Autowired
	JdbcClient jdbc;

	@Test
	void dashboardTotalsEqualTheRecordsInEveryChartAndFile() throws Exception {
		// a registry of its own first (an empty database: this class has its own
		// context), so that some seized firearms match records and their traces
		// identify them
		registry.generate(3_000, 21, "AUT");
		demo.generate(600, 21, "AUT");
		LocalDate today = LocalDate.now();
		Filter all = new Filter(today.minusYears(3), today, null, null);

		Dashboards.Dashboard d = dashboards.dashboard(all, Dimension.FIREARM_TYPE, today);
		List<Dashboards.Flow> flowsBefore = dashboards.flows(all);

		long seizures = count("SELECT COUNT(*) FROM seizure WHERE seized_on BETWEEN ? AND ?", all);
		long firearms = items("FIREARM", all);
		long parts = items("PART", all);
		long ammunition = items("AMMUNITION", all);
		assertThat(seizures).isGreaterThan(500);
		assertThat(d.totals().seizures()).isEqualTo(seizures);
		assertThat(d.totals().firearms()).isEqualTo(firearms);
		assertThat(d.totals().parts()).isEqualTo(parts);
		assertThat(d.totals().ammunition()).isEqualTo(ammunition);
		Dashboards.Chart monthly = d.chart("seizures-by-month");
		assertThat(monthly.total(0)).isEqualTo(seizures);
		assertThat(monthly.total(1)).isEqualTo(firearms);
		assertThat(monthly.total(3)).isEqualTo(ammunition);
		Dashboards.Chart split = d.chart("items-by-month");
		long splitTotal = 0;
		for (int c = 0; c < split.columns().size(); c++) {
			splitTotal += split.total(c);
		}
		assertThat(splitTotal).isEqualTo(firearms + parts + ammunition);
		assertThat(split.columns()).contains("PISTOL", "PART", "AMMUNITION");
		assertThat(d.chart("trace-outcomes").total(0))
			.isEqualTo(count("SELECT COUNT(*) FROM trace_request WHERE opened_on BETWEEN ? AND ?", all));
		List<Long> days = jdbc
			.sql("SELECT opened_on, answered_on FROM trace_request WHERE opened_on BETWEEN ? AND ? "
					+ "AND answered_on IS NOT NULL")
			.params(all.from(), all.to())
			.query((rs, n) -> rs.getObject(2, LocalDate.class).toEpochDay()
					- rs.getObject(1, LocalDate.class).toEpochDay())
			.list()
			.stream()
			.sorted()
			.toList();
		assertThat(days).isNotEmpty();
		assertThat(d.traces().medianDaysToAnswer())
			.isEqualTo((days.get((days.size() - 1) / 2) + days.get(days.size() / 2)) / 2.0);
		assertThat(d.traces().answered()).isEqualTo(days.size());
		assertThat(d.sdg().seizedFirearms()).isEqualTo(firearms);
		long established = count(ESTABLISHED, all);
		assertThat(established).isGreaterThan(0);
		assertThat(d.sdg().established()).isEqualTo(established);
		assertThat(d.sdg().traceable()).isEqualTo(firearms - count("SELECT COUNT(*) FROM seized_item i JOIN seizure s "
				+ "ON s.id = i.seizure_id WHERE s.seized_on BETWEEN ? AND ? AND i.kind = 'FIREARM' "
				+ "AND i.trace_exception IS NOT NULL", all));

		// points of diversion: the most named retail dealer and last legal holder, and
		// the
		// exports, as the answers set them on the trace requests
		Dashboards.Chart diversion = d.chart("diversion-points");
		long topDealer = count("SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM trace_request "
				+ "WHERE opened_on BETWEEN ? AND ? AND retail_dealer_id IS NOT NULL GROUP BY retail_dealer_id) c", all);
		long topHolder = count("SELECT COALESCE(MAX(n), 0) FROM (SELECT COUNT(*) AS n FROM trace_request "
				+ "WHERE opened_on BETWEEN ? AND ? AND last_holder_id IS NOT NULL "
				+ "AND (retail_dealer_id IS NULL OR last_holder_id <> retail_dealer_id) GROUP BY last_holder_id) c",
				all);
		assertThat(topHolder).isPositive();
		assertThat(first(diversion, "RETAIL_DEALER ")).isEqualTo(topDealer);
		assertThat(first(diversion, "LAST_LEGAL_HOLDER ")).isEqualTo(topHolder);
		assertThat(diversion.rows().stream().filter(r -> r.label().startsWith("LAST_LEGAL_HOLDER ")).count())
			.isBetween(1L, 10L);
		assertThat(diversion.rows()
			.stream()
			.filter(r -> r.label().startsWith("EXPORT "))
			.mapToLong(r -> r.values().getFirst().longValue())
			.sum())
			.isEqualTo(count("SELECT COUNT(*) FROM trace_request WHERE opened_on BETWEEN ? AND ? "
					+ "AND diversion_fact IN ('EXPORTED', 'EXPORTED_THROUGH')", all));

		Filter region = new Filter(all.from(), all.to(), "Region 3", null);
		assertThat(dashboards.dashboard(region, Dimension.CRIMINAL_CONTEXT, today).totals().seizures())
			.isEqualTo(
					count("SELECT COUNT(*) FROM seizure WHERE seized_on BETWEEN ? AND ? AND region = 'Region 3'", all))
			.isLessThan(seizures);

		// the months counted and kept: the same answer read from analysis_month, also for
		// a period that begins and ends inside months
		assertThat(monthlyCounts.countChangedMonths()).isGreaterThan(12);
		assertThat(count(
				"SELECT COUNT(*) FROM analysis_month_state WHERE counted = changes AND seized_month BETWEEN ? AND ?",
				all))
			.isGreaterThan(12);
		Dashboards.Dashboard kept = dashboards.dashboard(all, Dimension.FIREARM_TYPE, today);
		assertThat(kept.totals()).isEqualTo(d.totals());
		assertThat(kept.sdg()).isEqualTo(d.sdg());
		assertThat(kept.charts()).isEqualTo(d.charts());
		assertThat(dashboards.flows(all)).isEqualTo(flowsBefore);
		Filter inside = new Filter(all.from().plusDays(17), today.minusDays(40), null, null);
		assertThat(dashboards.dashboard(inside, Dimension.NONE, today).totals().seizures())
			.isEqualTo(count("SELECT COUNT(*) FROM seizure WHERE seized_on BETWEEN ? AND ?", inside));

		// forty more seizures change their months at once: the kept counts of those
		// months
		// are no longer read, and the answer still equals the records
		demo.generate(640, 21, "AUT", 600);
		long more = count("SELECT COUNT(*) FROM seizure WHERE seized_on BETWEEN ? AND ?", all);
		assertThat(more).isGreaterThan(seizures);
		Dashboards.Dashboard changed = dashboards.dashboard(all, Dimension.FIREARM_TYPE, today);
		assertThat(changed.totals().seizures()).isEqualTo(more);
		assertThat(changed.totals().firearms()).isEqualTo(items("FIREARM", all));
		assertThat(monthlyCounts.countChangedMonths()).isPositive();
		assertThat(dashboards.dashboard(all, Dimension.FIREARM_TYPE, today).totals()).isEqualTo(changed.totals());
		seizures = more;
		established = count(ESTABLISHED, all);

		Api api = new Api(port);
		String analyst = testUsers.token(Role.ANALYST);
		String query = "?from=" + all.from() + "&to=" + all.to();
		HttpResponse<String> csv = api.get("/api/v1/analytics/dashboard/seizures-by-month.csv" + query, analyst);
		assertThat(csv.statusCode()).isEqualTo(200);
		long csvSeizures = csv.body().lines().skip(1).mapToLong(line -> Long.parseLong(line.split(",")[1])).sum();
		assertThat(csvSeizures).isEqualTo(seizures);
		HttpResponse<byte[]> xlsx = api.getBytes("/api/v1/analytics/dashboard/sdg-16-4-2.xlsx" + query, analyst);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			Sheet sheet = book.getSheetAt(0);
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("established");
			assertThat(sheet.getRow(1).getCell(1).getNumericCellValue()).isEqualTo((double) established);
		}
		HttpResponse<String> backwards = api
			.get("/api/v1/analytics/dashboard?from=" + today + "&to=" + today.minusDays(1), analyst);
		assertThat(backwards.statusCode()).isEqualTo(400);
		assertThat(backwards.body()).contains("from");
		assertThat(api.get("/api/v1/analytics/dashboard", testUsers.token(Role.DEALER)).statusCode()).isEqualTo(403);

		WebSession page = WebSession.signIn(port, testUsers.user(Role.ANALYST).username());
		HttpResponse<String> shown = page.get("/analytics/dashboard" + query + "&by=PLACE_KIND");
		assertThat(shown.statusCode()).isEqualTo(200);
		assertThat(shown.body()).contains("id=\"total-seizures\">" + seizures + "<", "id=\"table-items-by-month\"",
				"POSTAL_OR_COURIER_FACILITY", "/analytics/dashboard/sdg-16-4-2.xlsx");

		// the map of flows: every seized firearm with a country of manufacture is on one
		// manufacture flow to its country of seizure; the boundaries come from the server
		JsonNode flows = Api.json(api.get("/api/v1/analytics/flows" + query, analyst));
		long manufactured = flows.valueStream()
			.filter(f -> f.path("kind").asString().equals("MANUFACTURE"))
			.mapToLong(f -> f.path("firearms").asLong())
			.sum();
		assertThat(manufactured).isPositive()
			.isEqualTo(count("SELECT COUNT(*) FROM seized_item i JOIN seizure s ON s.id = i.seizure_id "
					+ "WHERE s.seized_on BETWEEN ? AND ? AND i.kind = 'FIREARM' "
					+ "AND i.country_of_manufacture IS NOT NULL", all));
		assertThat(flows.valueStream().map(f -> f.path("kind").asString())).contains("LAST_IMPORT");
		HttpResponse<String> map = page.get("/analytics/map" + query);
		assertThat(map.statusCode()).isEqualTo(200);
		assertThat(map.body()).contains("id=\"flows\"", "data-kind=\"MANUFACTURE\"", "/geo/countries-110m.geo.json");
		HttpResponse<String> world = page.get("/geo/countries-110m.geo.json");
		assertThat(world.statusCode()).isEqualTo(200);
		assertThat(world.body()).contains("\"id\":\"AUT\"", "\"id\":\"SRB\"");
	}

	/** The count of a chart's first row of one kind. */
	private static long first(Dashboards.Chart chart, String kind) {
		return chart.rows()
			.stream()
			.filter(r -> r.label().startsWith(kind))
			.findFirst()
			.map(r -> r.values().getFirst().longValue())
			.orElse(0L);
	}

	private long items(String kind, Filter f) {
		return jdbc
			.sql("SELECT COUNT(*) FROM seized_item i JOIN seizure s ON s.id = i.seizure_id "
					+ "WHERE s.seized_on BETWEEN ? AND ? AND i.kind = ?")
			.params(f.from(), f.to(), kind)
			.query(Long.class)
			.single();
	}

	private long count(String sql, Filter f) {
		return jdbc.sql(sql).params(f.from(), f.to()).query(Long.class).single();
	}

}
