package org.armstrace.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.armstrace.BrowserTest;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.command.CommandResult;
import org.armstrace.identity.Role;
import org.armstrace.registry.HolderCommands;
import org.armstrace.registry.HolderRole;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A licensing officer in a real browser takes an export from its application to its
 * receipt: the grant refused while consents are missing, each consent recorded, the
 * grant, a consignment, a short receipt, and the alert it raises.
 */
@DatabaseTest
@ExtendWith(BrowserTest.Availability.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TransfersBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	HolderCommands holders;

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

	@Test
	void anExportFromApplicationToAShortReceipt() {
		UUID exporter = ((CommandResult.Accepted) holders.register(new HolderCommands.RegisterHolder(
				HolderRole.MANUFACTURER, "Synthetic Cartridge Works", null, "AUT", null), "user:test", null))
			.subjectId();
		BrowserTest.signIn(browser, "http://localhost:" + port, testUsers.user(Role.LICENSING).username());

		browser.get(url("/transfers"));
		BrowserTest.clickAndWait(browser, By.id("apply-authorisation"));
		new Select(browser.findElement(By.id("kind"))).selectByValue("EXPORT");
		type("applicantId", exporter.toString());
		type("issuingAuthority", "Federal Ministry of the Interior");
		type("placeOfIssue", "Vienna");
		type("exportCountry", "Austria");
		type("importCountry", "Serbia");
		type("transitCountries", "Hungary");
		type("finalRecipient", "Police Directorate, Belgrade");
		type("description", "service ammunition");
		new Select(browser.findElement(By.id("line0Kind"))).selectByValue("AMMUNITION");
		type("line0Detail", "9x19mm");
		type("line0Quantity", "1000");
		BrowserTest.clickAndWait(browser, By.id("submit-application"));
		assertThat(browser.findElement(By.id("authorisation-state")).getText()).isEqualTo("applied");
		assertThat(browser.findElement(By.id("route")).getText()).isEqualTo("AUT → HUN → SRB");

		String number = "EXP-" + UUID.randomUUID().toString().substring(0, 8);
		type("number", number);
		type("validUntil", LocalDate.now().plusMonths(6).toString());
		BrowserTest.clickAndWait(browser, By.id("grant"));
		assertThat(browser.findElement(By.id("refusals")).getText()).contains("import authorisation of SRB",
				"transit State HUN", "end-user certificate", "risk assessment");
		BrowserTest.screenshot(browser, "export-order-of-consent");

		type("ia-reference", "SRB-IMP-2026-77");
		type("ia-date", LocalDate.now().minusDays(3).toString());
		type("ia-verified", "confirmed by the Serbian Ministry of Interior, note 14/2026");
		BrowserTest.clickAndWait(browser, By.id("record-import-authorisation"));
		type("tn-reference", "HU-NO-2026-3");
		BrowserTest.clickAndWait(browser, By.id("record-transit-notice"));
		type("euc-certificateReference", "EUC-2026-5");
		type("euc-endUser", "Police Directorate, Belgrade");
		type("euc-endUse", "service ammunition");
		type("euc-signatory", "Head of Logistics");
		BrowserTest.clickAndWait(browser, By.id("record-end-user-certificate"));
		type("verifiedWith", "Serbian Ministry of Defence");
		BrowserTest.clickAndWait(browser, By.id("verify-end-user-certificate"));
		type("mitigation", "post-shipment verification agreed");
		BrowserTest.clickAndWait(browser, By.id("assess-risk"));
		type("number", number);
		type("validUntil", LocalDate.now().plusMonths(6).toString());
		BrowserTest.clickAndWait(browser, By.id("grant"));
		assertThat(browser.findElement(By.id("authorisation-state")).getText()).isEqualTo("granted");
		BrowserTest.screenshot(browser, "export-granted");

		String consignment = "CN-" + UUID.randomUUID().toString().substring(0, 8);
		type("consignment-reference", consignment);
		type("ship-1", "1000");
		BrowserTest.clickAndWait(browser, By.id("ship"));
		assertThat(browser.findElement(By.id("authorisation-state")).getText()).isEqualTo("used up");
		type("received-" + consignment + "-1", "990");
		type("confirmed-by-" + consignment, "Serbian customs, Batrovci");
		BrowserTest.clickAndWait(browser, By.id("confirm-" + consignment));
		assertThat(browser.findElement(By.id("consignment-" + consignment)).getText()).contains("received short",
				"line 1: 1,000 shipped, 990 received");
		BrowserTest.screenshot(browser, "export-received-short");

		browser.get(url("/transfers/alerts"));
		assertThat(browser.findElement(By.id("alerts")).getText()).contains(number, consignment,
				"line 1: shipped 1000, received 990");
	}

	private void type(String id, String text) {
		browser.findElement(By.id(id)).clear();
		browser.findElement(By.id(id)).sendKeys(text);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
