package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.armstrace.BrowserTest;
import org.armstrace.DatabaseTest;
import org.armstrace.ScratchFiles;
import org.armstrace.TestUsers;
import org.armstrace.identity.ApiTokens;
import org.armstrace.identity.Role;
import org.armstrace.identity.Users;
import org.armstrace.ledger.CheckpointSigner;
import org.armstrace.tracing.Tracing;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.deque.html.axecore.results.Rule;

/**
 * An officer's day in a real browser (headless Chromium): sign in, search, read a record,
 * record a transfer.
 */
@DatabaseTest
@ExtendWith(BrowserTest.Availability.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OfficerBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	RegistryFixture fixture;

	@Autowired
	Tracing tracing;

	@Autowired
	RegistryQueries queries;

	@Autowired
	CheckpointSigner signer;

	@Autowired
	ApiTokens tokens;

	WebDriver browser;

	@BeforeAll
	void openBrowser() {
		browser = BrowserTest.start();
	}

	@AfterAll
	void closeBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@BeforeEach
	void signedOut() {
		browser.manage().deleteAllCookies();
	}

	@Test
	void aRegistrarSignsInFindsAFirearmAndSeesItsTimelineVerifiedOnTheLedger() {
		UUID id = fixture.registeredPistolHeldBy(fixture.dealer());
		String serial = queries.firearm(id).orElseThrow().serial();
		signer.signNow();
		Users.Account registrar = testUsers.user(Role.REGISTRAR);

		signIn(registrar.username());
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
		BrowserTest.screenshot(browser, "dashboard");

		browser.get(url("/firearms"));
		browser.findElement(By.id("serial")).sendKeys(serial.toLowerCase());
		browser.findElement(By.id("purpose")).sendKeys("inspection 2026/4");
		clickAndWait(By.id("search"));
		BrowserTest.screenshot(browser, "search");
		clickAndWait(By.linkText(queries.firearm(id).orElseThrow().recordNumber()));

		assertThat(browser.findElement(By.id("serial")).getText()).isEqualTo(serial);
		assertThat(browser.findElement(By.id("timeline")).getText()).contains("Manufactured").contains("Proof checked");
		BrowserTest.screenshot(browser, "record");

		// what the registrar did in the browser is in the access log, for an auditor to
		// see
		browser.manage().deleteAllCookies();
		signIn(testUsers.user(Role.AUDITOR).username());
		browser.get(url("/audit/access-log?user=" + registrar.username()));
		String log = browser.findElement(By.id("access-log")).getText();
		assertThat(log).contains("SEARCH")
			.contains("serial=" + serial.toLowerCase())
			.contains("inspection 2026/4")
			.contains("READ")
			.contains("firearm " + queries.firearm(id).orElseThrow().recordNumber())
			.contains(registrar.username());
		BrowserTest.screenshot(browser, "access-log-of-registrar");
	}

	@Test
	void aSearchByHolderNeedsAPurposeAndFindsTheHoldersFirearms() {
		UUID owner = fixture.owner();
		UUID id = fixture.registeredPistolHeldBy(owner);
		String name = queries.holder(owner).orElseThrow().name();
		String recordNumber = queries.firearm(id).orElseThrow().recordNumber();
		signIn(testUsers.user(Role.INVESTIGATOR).username());

		browser.get(url("/firearms"));
		browser.findElement(By.id("holder")).sendKeys(name.toLowerCase());
		clickAndWait(By.id("search"));
		assertThat(browser.findElement(By.id("purpose-error")).getText()).contains("State why you search");

		browser.findElement(By.id("purpose")).sendKeys("case 2026/99");
		clickAndWait(By.id("search"));
		assertThat(browser.findElement(By.id("results")).getText()).contains(recordNumber);

		browser.get(url("/firearms?make=SYNTHETIC+ARMS+Inc.&model=p1"));
		assertThat(browser.findElement(By.id("results")).getText()).contains("Synthetic Arms");
		BrowserTest.screenshot(browser, "search-by-holder");
	}

	@Test
	void aTransferIsRefusedWithAnErrorBesideTheFieldThenAccepted() {
		UUID owner = fixture.owner();
		UUID id = fixture.stolenPistolHeldBy(owner);
		UUID buyer = fixture.owner();
		signIn(testUsers.user(Role.REGISTRAR).username());

		browser.get(url("/firearms/" + id + "/transfer"));
		browser.findElement(By.id("toHolderId")).sendKeys(buyer.toString());
		clickAndWait(By.id("record-transfer"));
		assertThat(browser.findElement(By.className("govuk-error-summary")).getText())
			.contains("a firearm that is stolen cannot be transferred");
		assertThat(browser.findElement(By.id("toHolderId-error")).getText()).contains("stolen");
		BrowserTest.screenshot(browser, "transfer-refused");

		fixture.firearms.recover(id, new FirearmCommands.RecordRecovery("Police", null), RegistryFixture.ACTOR, null);
		browser.findElement(By.id("toHolderId")).clear();
		browser.findElement(By.id("toHolderId")).sendKeys(buyer.toString());
		clickAndWait(By.id("record-transfer"));

		assertThat(browser.getCurrentUrl()).endsWith("/firearms/" + id);
		assertThat(queries.firearm(id).orElseThrow().holder().id()).isEqualTo(buyer);
		assertThat(browser.findElement(By.id("timeline")).getText()).contains("Transferred");
		BrowserTest.screenshot(browser, "transfer-accepted");
	}

	@Test
	void aDealerIsRefusedTheAccessLogAndAnAuditorSeesTheRefusalAndTheSearches() {
		Users.Account dealer = testUsers.user(Role.DEALER);
		signIn(dealer.username());
		browser.get(url("/audit/access-log"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("You cannot see this page");
		BrowserTest.screenshot(browser, "refused");

		browser.manage().deleteAllCookies();
		signIn(testUsers.user(Role.AUDITOR).username());
		browser.get(url("/audit/access-log?user=" + dealer.username()));
		String log = browser.findElement(By.id("access-log")).getText();
		assertThat(log).contains("REFUSED").contains("GET /audit/access-log");
		BrowserTest.screenshot(browser, "access-log");
	}

	@Test
	void anOfficerCreatesAnApiTokenSeesItOnceAndRevokesIt() {
		signIn(testUsers.user(Role.INVESTIGATOR).username());
		browser.get(url("/account/tokens"));
		browser.findElement(By.id("label")).sendKeys("case system");
		clickAndWait(By.id("create-token"));
		String token = browser.findElement(By.id("new-token")).getText();
		assertThat(token).startsWith("at_");
		BrowserTest.screenshot(browser, "token-created");
		assertThat(tokens.authenticate(token)).isPresent();

		browser.get(url("/account/tokens"));
		assertThat(browser.getPageSource()).doesNotContain(token);
		clickAndWait(By.xpath("//td[text()='case system']/..//button"));
		assertThat(tokens.authenticate(token)).isEmpty();
		assertThat(browser.findElement(By.id("tokens")).getText()).contains("Revoked");
	}

	@Test
	void aRegistrarImportsACsvWatchesItFinishAndCanDownloadTheRefusedRows() throws Exception {
		String p = "WEB" + System.nanoTime() % 1_000_000 + "-";
		Path csv = ScratchFiles.file("legacy", ".csv");
		Files.writeString(csv, String.join(",", LegacyImport.COLUMNS) + "\n" + p + "1,Glock,17,pistol,9x19mm," + p
				+ "S1,AUT,2001,,\n" + p + "2,Glock,17,pistol,9x19mm,,Austria,2001,,\n");
		signIn(testUsers.user(Role.REGISTRAR).username());
		browser.get(url("/imports"));
		browser.findElement(By.id("file")).sendKeys(csv.toString());
		clickAndWait(By.id("start-import"));

		BrowserTest.waitUpTo(browser, Duration.ofSeconds(20))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("import-report")));
		assertThat(browser.findElement(By.id("import-imported")).getText()).isEqualTo("1");
		assertThat(browser.findElement(By.id("import-rejected")).getText()).isEqualTo("1");
		assertThat(browser.findElement(By.id("download-rejects")).getAttribute("href")).contains("/rejects");
		BrowserTest.screenshot(browser, "import");
	}

	@Test
	void anInvestigatorTracesMisreadMarkingsToAStolenRecordAndOpensAnsweredTraceRequest() {
		UUID owner = fixture.owner();
		UUID id = fixture.stolenPistolHeldBy(owner);
		String serial = queries.firearm(id).orElseThrow().serial();
		String recordNumber = queries.firearm(id).orElseThrow().recordNumber();
		tracing.catchUp();
		signIn(testUsers.user(Role.INVESTIGATOR).username());

		// the officer reads S as 5 and types it with a separator
		browser.get(url("/trace"));
		browser.findElement(By.id("serial")).sendKeys("5" + serial.substring(1, 4) + "-" + serial.substring(4));
		browser.findElement(By.id("make")).sendKeys("Synthetic Arms");
		clickAndWait(By.id("trace"));
		WebElement row = browser
			.findElement(By.xpath("//table[@id='candidates']//tr[td/a[text()='" + recordNumber + "']]"));
		assertThat(row.getText()).contains("Probable");
		assertThat(browser.findElement(By.xpath("//table[@id='candidates']/tbody/tr[1]")).getText())
			.contains(recordNumber);
		BrowserTest.screenshot(browser, "trace-candidates");
		row.findElement(By.xpath(".//a[starts-with(@id, 'open-request')]")).click();
		BrowserTest.waitUpTo(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("chosen-record")));
		assertThat(browser.findElement(By.id("chosen-record")).getText()).contains(recordNumber);

		// urgent without a reason is refused, the error linked to its field
		browser.findElement(By.id("priority-urgent")).click();
		clickAndWait(By.id("open-request"));
		WebElement summary = browser.findElement(By.className("govuk-error-summary"));
		assertThat(summary.getText()).contains("an urgent trace request must say why it is urgent");
		assertThat(summary.findElement(By.tagName("a")).getAttribute("href")).endsWith("#urgentReason");
		BrowserTest.screenshot(browser, "trace-request-refused");
		browser.findElement(By.id("urgentReason")).sendKeys("suspect in custody");
		browser.findElement(By.id("recoveredOn")).sendKeys(LocalDate.now().toString());
		browser.findElement(By.id("recoveredCountry")).sendKeys("AUT");
		clickAndWait(By.id("open-request"));

		assertThat(browser.findElement(By.id("request-state")).getText()).isEqualTo("Record confirmed");
		assertThat(browser.findElement(By.id("due-on")).getText()).isEqualTo(LocalDate.now().plusDays(2).toString());
		clickAndWait(By.id("answer-request"));
		assertThat(browser.findElement(By.id("request-state")).getText()).isEqualTo("Answered");
		assertThat(browser.findElement(By.id("answer")).getText()).contains("Reported lost or stolen")
			.contains("reported stolen by private owner " + owner);
		assertThat(browser.findElement(By.id("last-holder")).getText()).contains(owner.toString());
		BrowserTest.screenshot(browser, "trace-request-answered");

		browser.get(url("/trace-requests"));
		assertThat(browser.findElement(By.id("requests")).getText()).contains(recordNumber);
	}

	@Test
	void aRegistrarRecordsAnExportThroughItsFormAfterAFieldErrorAndADealerIsNotOfferedIt() {
		UUID id = fixture.registeredPistolHeldBy(fixture.dealer());
		signIn(testUsers.user(Role.REGISTRAR).username());
		browser.get(url("/firearms/" + id));
		browser.findElement(By.cssSelector("#other-actions summary")).click();
		clickAndWait(By.id("action-export"));

		browser.findElement(By.id("toCountry")).sendKeys("Ruritania");
		browser.findElement(By.id("occurredOn")).sendKeys("31/03/2024");
		clickAndWait(By.id("record-action"));
		assertThat(browser.findElement(By.id("occurredOn-error")).getText()).contains("YYYY-MM-DD");
		BrowserTest.screenshot(browser, "export-bad-date");
		browser.findElement(By.id("occurredOn")).clear();
		browser.findElement(By.id("occurredOn")).sendKeys("2024-03-31");
		clickAndWait(By.id("record-action"));
		assertThat(browser.findElement(By.id("toCountry-error")).getText()).contains("toCountry");
		browser.findElement(By.id("toCountry")).clear();
		// a country may be named in the officer's language
		browser.findElement(By.id("toCountry")).sendKeys("Alemania");
		clickAndWait(By.id("record-action"));

		assertThat(browser.getCurrentUrl()).endsWith("/firearms/" + id);
		assertThat(browser.findElement(By.id("timeline")).getText()).contains("Exported");
		BrowserTest.screenshot(browser, "export-recorded");

		browser.manage().deleteAllCookies();
		signIn(testUsers.user(Role.DEALER).username());
		browser.get(url("/firearms/" + id + "/actions/export"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).doesNotContain("export");
	}

	@Test
	void aCustomsOfficerRecordsASeizureOfAStolenFirearmSeesTheProtocolAndDestructionIsRefusedWithItsReasons() {
		UUID owner = fixture.owner();
		UUID id = fixture.stolenPistolHeldBy(owner);
		String serial = queries.firearm(id).orElseThrow().serial();
		tracing.catchUp();
		signIn(testUsers.user(Role.CUSTOMS).username());
		browser.get(url("/seizures/new"));
		browser.findElement(By.id("seizedOn")).sendKeys(LocalDate.now().toString());
		browser.findElement(By.id("country")).sendKeys("AUT");
		browser.findElement(By.id("agency")).sendKeys("Customs Service");
		new Select(browser.findElement(By.id("placeKind"))).selectByValue("VEHICLE");
		new Select(browser.findElement(By.id("legalBasis"))).selectByValue("TRAFFICKING");
		browser.findElement(By.id("storageLocation")).sendKeys("Border store 1");
		new Select(browser.findElement(By.id("item0-kind"))).selectByValue("FIREARM");
		browser.findElement(By.id("item0-serial")).sendKeys(serial.toLowerCase());
		browser.findElement(By.id("item0-make")).sendKeys("Synthetic Arms");
		clickAndWait(By.id("record-seizure"));
		// the criminal context was left out: refused, the error linked to its field
		WebElement summary = browser.findElement(By.className("govuk-error-summary"));
		assertThat(summary.getText()).contains("criminal context must be one of");
		assertThat(summary.findElement(By.tagName("a")).getAttribute("href")).endsWith("#criminalContext");
		new Select(browser.findElement(By.id("criminalContext"))).selectByValue("NONE_KNOWN");
		clickAndWait(By.id("record-seizure"));
		BrowserTest.screenshot(browser, "seizure-recorded");

		String protocol = browser.findElement(By.id("protocol-1")).getText();
		assertThat(protocol)
			.contains("National registry Done matched to " + queries.firearm(id).orElseThrow().recordNumber());
		assertThat(protocol).contains("Lost or stolen Needs attention the record says stolen");
		assertThat(protocol).contains("Trace request Done trace request TR-");
		assertThat(protocol).contains("International check Not connected");
		BrowserTest.screenshot(browser, "seizure-protocol");

		browser.findElement(By.cssSelector("h3 a")).click();
		BrowserTest.waitUpTo(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.presenceOfElementLocated(By.id("missing")));
		assertThat(browser.findElement(By.id("missing")).getText()).contains("is CONFIRMED: answer it");
		String itemUrl = browser.getCurrentUrl();

		browser.manage().deleteAllCookies();
		signIn(testUsers.user(Role.REGISTRAR).username());
		browser.get(itemUrl);
		browser.findElement(By.id("method")).sendKeys("crushing");
		browser.findElement(By.id("witnesses")).sendKeys("Officer A, Officer B");
		clickAndWait(By.id("destroy"));
		assertThat(browser.findElement(By.id("refusals")).getText()).contains("answer it, or close it as unresolved");
		assertThat(browser.findElement(By.id("custody-status")).getText()).isEqualTo("In custody");
		BrowserTest.screenshot(browser, "destruction-refused");
	}

	@Test
	void anAdminCreatesAUserWhoMustThenChooseAPassword() {
		signIn(testUsers.user(Role.ADMIN).username());
		browser.get(url("/admin/users"));
		String username = "officer-" + System.nanoTime() % 100_000;
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("role-CUSTOMS")).click();
		clickAndWait(By.id("create-user"));
		String password = browser.findElement(By.id("one-time-password")).getText();
		assertThat(password).hasSize(20);
		BrowserTest.screenshot(browser, "user-created");

		browser.manage().deleteAllCookies();
		browser.get(url("/sign-in"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(password);
		clickAndWait(By.id("sign-in"));
		assertThat(browser.getCurrentUrl()).endsWith("/account/password");
		browser.get(url("/firearms"));
		assertThat(browser.getCurrentUrl()).as("nothing else until a password is chosen").endsWith("/account/password");
	}

	@Test
	void anAdminAddsAMakeWithAliasesAndAClashingAliasIsRefused() {
		signIn(testUsers.user(Role.ADMIN).username());
		browser.get(url("/admin/catalogue"));
		String make = "Demo Works " + System.nanoTime() % 100_000;
		browser.findElement(By.id("name")).sendKeys(make);
		browser.findElement(By.id("aliases")).sendKeys("DW" + System.nanoTime() % 100_000);
		clickAndWait(By.id("add-entry"));
		assertThat(browser.findElement(By.id("added")).getText()).contains(make);

		browser.findElement(By.id("name")).sendKeys("Another Works");
		browser.findElement(By.id("aliases")).sendKeys("S&W");
		clickAndWait(By.id("add-entry"));
		assertThat(browser.findElement(By.className("govuk-error-summary")).getText())
			.contains("alias 'S&W' already stands for 'Smith & Wesson'");
		BrowserTest.screenshot(browser, "catalogue");
	}

	@Test
	void anAuditorVerifiesTheWholeLedgerFromItsPage() {
		signIn(testUsers.user(Role.AUDITOR).username());
		browser.get(url("/ledger"));
		clickAndWait(By.id("verify"));
		assertThat(browser.findElement(By.id("verify-result")).getText()).contains("The ledger verifies")
			.contains("OK size=");
		BrowserTest.screenshot(browser, "ledger");
	}

	@Test
	void theMainPagesHaveNoSeriousOrCriticalAccessibilityViolations() {
		UUID id = fixture.registeredPistolHeldBy(fixture.dealer());
		browser.get(url("/sign-in"));
		List<String> problems = new ArrayList<>(violations("sign-in"));
		signIn(testUsers.user(Role.REGISTRAR).username());
		for (String page : List.of("/", "/firearms?serial=SYN", "/firearms/" + id, "/firearms/" + id + "/transfer",
				"/account/password", "/account/tokens", "/ledger", "/imports", "/trace?serial=SYN1?", "/trace-requests",
				"/trace-requests/new?serial=SYN1&firearmId=" + id, "/firearms/" + id + "/actions/import")) {
			browser.get(url(page));
			problems.addAll(violations(page));
		}
		browser.manage().deleteAllCookies();
		signIn(testUsers.user(Role.ADMIN).username());
		for (String page : List.of("/admin/users", "/admin/catalogue", "/audit/access-log", "/seizures",
				"/seizures/new", "/custody", "/iafq", "/destructions", "/custody/exports", "/account/second-factor")) {
			browser.get(url(page));
			problems.addAll(violations(page));
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void theAccessibilityCheckFindsAnImageWithoutAlternativeText() {
		browser.get(url("/sign-in"));
		((JavascriptExecutor) browser).executeScript(
				"var i = document.createElement('img'); i.src = '/favicon.ico'; document.body.appendChild(i);");
		assertThat(violations("sign-in with a planted image")).anyMatch(v -> v.contains("image-alt"));
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

	private void signIn(String username) {
		BrowserTest.signIn(browser, url(""), username);
	}

	private void clickAndWait(By target) {
		BrowserTest.clickAndWait(browser, target);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
