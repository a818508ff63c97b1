package org.armstrace.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.armstrace.Api;
import org.armstrace.BrowserTest;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.demo.DemoSeizures;
import org.armstrace.identity.Role;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.deque.html.axecore.results.Rule;

/**
 * An analyst in a real browser: the dashboard draws its charts, the map draws its flows
 * on the world's boundaries, a network page draws its graph, each from the data on the
 * page and each without a serious or critical accessibility violation (axe-core); and so
 * is the link view of a person of a seizure.
 */
@DatabaseTest
@ExtendWith(BrowserTest.Availability.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestPropertySource(properties = "armstrace.test.context=analysis-browser")
class AnalysisBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	DemoSeizures demo;

	@Autowired
	JdbcClient jdbc;

	WebDriver browser;

	@BeforeAll
	void seizuresAndABrowser() {
		demo.generate(400, 29, "AUT");
		browser = BrowserTest.start();
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void theDashboardTheMapAndANetworkAreDrawnAndPassAxe() {
		browser.manage().deleteAllCookies();
		BrowserTest.signIn(browser, url(""), testUsers.user(Role.ANALYST).username());
		List<String> problems = new ArrayList<>();

		browser.get(url("/analytics/dashboard"));
		drawn(".dashboard-chart svg");
		assertThat(browser.findElements(By.cssSelector(".dashboard-chart svg")).size())
			.as("every chart with data is drawn")
			.isGreaterThan(3);
		assertThat(browser.findElement(By.id("total-seizures")).getText()).isNotBlank().isNotEqualTo("0");
		problems.addAll(violations("/analytics/dashboard"));

		browser.get(url("/analytics/map"));
		drawn("#flow-map svg path");
		assertThat(browser.findElements(By.cssSelector("#flow-map svg path")).size())
			.as("the world's boundaries and the flows")
			.isGreaterThan(100);
		problems.addAll(violations("/analytics/map"));

		String network = Api
			.json(new Api(port).get("/api/v1/analytics/shipment-networks", testUsers.token(Role.ANALYST)))
			.get(0)
			.path("id")
			.asString();
		browser.get(url("/analytics/shipment-networks/" + network));
		drawn("#network-graph svg");
		assertThat(browser.findElement(By.id("network-size")).getText()).isNotBlank();
		problems.addAll(violations("/analytics/shipment-networks/{id}"));

		assertThat(problems).isEmpty();
	}

	@Test
	void theLinkViewOfAPersonIsDrawnAndPassesAxe() {
		browser.manage().deleteAllCookies();
		BrowserTest.signIn(browser, url(""), testUsers.user(Role.INVESTIGATOR).username());
		String name = jdbc.sql("SELECT name FROM seizure_person_identity ORDER BY name FETCH FIRST 1 ROWS ONLY")
			.query(String.class)
			.single();
		browser.get(url(
				"/analytics/links?name=" + URLEncoder.encode(name, StandardCharsets.UTF_8) + "&purpose=browser+check"));
		drawn("#links-graph svg");
		assertThat(browser.findElements(By.cssSelector("#link-people tbody tr"))).isNotEmpty();
		assertThat(violations("/analytics/links")).isEmpty();
	}

	private void drawn(String selector) {
		BrowserTest.waitUpTo(browser, Duration.ofSeconds(20))
			.until(b -> !b.findElements(By.cssSelector(selector)).isEmpty());
	}

	private List<String> violations(String page) {
		return BrowserTest.axe()
			.analyze(browser)
			.getViolations()
			.stream()
			.filter(rule -> "serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact()))
			.map((Rule rule) -> page + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp())
			.toList();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
