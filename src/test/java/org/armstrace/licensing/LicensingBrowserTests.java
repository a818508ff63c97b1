package org.armstrace.licensing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.armstrace.BrowserTest;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.command.CommandResult;
import org.armstrace.identity.Role;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmType;
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
 * A licensing officer in a real browser: applies for a licence for a holder, refuses a
 * wrong form, grants it, revokes it, and finds the holder's firearm on the recovery list.
 */
@DatabaseTest
@ExtendWith(BrowserTest.Availability.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LicensingBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	HolderCommands holders;

	@Autowired
	FirearmCommands firearms;

	@Autowired
	LicenceQueries queries;

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
	void anOfficerAppliesGrantsAndRevokesALicenceAndTheHoldersFirearmIsToBeRecovered() {
		UUID owner = ((CommandResult.Accepted) holders.register(
				new HolderCommands.RegisterHolder(HolderRole.PRIVATE_OWNER, "Synthetic Owner", null, "AUT", null),
				"user:test", null))
			.subjectId();
		String recordNumber = firearms.register(new FirearmCommands.RegisterFirearm(FirearmType.RIFLE, null, "Steyr",
				"SSG", "7.62x51mm", "BR" + UUID.randomUUID().toString().substring(0, 8), "AUT", 2012, List.of(), owner,
				null, false, null), "user:test", null) instanceof CommandResult.Accepted a ? a.subjectId().toString()
						: null;
		assertThat(recordNumber).isNotNull();
		BrowserTest.signIn(browser, "http://localhost:" + port, testUsers.user(Role.LICENSING).username());

		browser.get(url("/licences"));
		BrowserTest.clickAndWait(browser, By.id("apply"));
		browser.findElement(By.id("holderId")).sendKeys(owner.toString());
		BrowserTest.clickAndWait(browser, By.id("submit-application"));
		assertThat(browser.findElement(By.id("refusals")).getText()).contains("kind", "issuingAuthority");

		browser.findElement(By.id("holderId")).clear();
		browser.findElement(By.id("holderId")).sendKeys(owner.toString());
		new Select(browser.findElement(By.id("kind"))).selectByValue("POSSESSION");
		browser.findElement(By.id("issuingAuthority")).sendKeys("Landespolizeidirektion Wien");
		browser.findElement(By.id("category-B")).click();
		browser.findElement(By.id("quantity-B")).sendKeys("2");
		browser.findElement(By.id("storageInspected")).click();
		BrowserTest.clickAndWait(browser, By.id("submit-application"));
		assertThat(browser.findElement(By.id("licence-state")).getText()).isEqualTo("applied for");
		assertThat(browser.findElement(By.id("licence-coverage")).getText()).isEqualTo("B (2)");
		BrowserTest.screenshot(browser, "licence-applied");

		String number = "W-" + UUID.randomUUID().toString().substring(0, 8);
		browser.findElement(By.id("number")).sendKeys(number);
		browser.findElement(By.id("validUntil")).sendKeys(LocalDate.now().plusYears(5).toString());
		BrowserTest.clickAndWait(browser, By.id("submit-grant"));
		assertThat(browser.findElement(By.id("licence-state")).getText()).isEqualTo("granted");
		assertThat(browser.findElement(By.id("verification-code")).getText()).matches("[0-9A-Z-]{19}");
		BrowserTest.screenshot(browser, "licence-granted");

		browser.findElement(By.id("reason-revocation")).sendKeys("conviction for a violent offence");
		BrowserTest.clickAndWait(browser, By.id("submit-revocation"));
		assertThat(browser.findElement(By.id("licence-state")).getText()).isEqualTo("revoked");
		assertThat(queries.byNumber(number).orElseThrow().state()).isEqualTo(LicenceState.REVOKED);

		browser.get(url("/licences"));
		assertThat(browser.findElement(By.id("recovery")).getText()).contains(number);
		BrowserTest.screenshot(browser, "recovery-list");
	}

	@Test
	void aRegistrarRegistersAHolderAndAFirearmThroughThePagesAndADuplicateMarkingIsRefused() {
		BrowserTest.signIn(browser, "http://localhost:" + port, testUsers.user(Role.REGISTRAR).username());
		browser.get(url("/holders/new"));
		new Select(browser.findElement(By.id("role"))).selectByValue("DEALER");
		browser.findElement(By.id("name")).sendKeys("Synthetic Arms Trading");
		browser.findElement(By.id("country")).sendKeys("aut");
		BrowserTest.clickAndWait(browser, By.id("register"));
		String holder = browser.findElement(By.id("holder-id")).getText();
		assertThat(UUID.fromString(holder)).isNotNull();

		String serial = "PG" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		for (int attempt = 0; attempt < 2; attempt++) {
			browser.get(url("/firearms/new"));
			new Select(browser.findElement(By.id("type"))).selectByValue("PISTOL");
			browser.findElement(By.id("make")).sendKeys("Glock");
			browser.findElement(By.id("model")).sendKeys("17");
			browser.findElement(By.id("calibre")).sendKeys("9x19mm");
			browser.findElement(By.id("serial")).sendKeys(serial);
			browser.findElement(By.id("countryOfManufacture")).sendKeys("AUT");
			browser.findElement(By.id("year")).sendKeys("2024");
			browser.findElement(By.id("holderId")).sendKeys(holder);
			BrowserTest.clickAndWait(browser, By.id("register"));
			if (attempt == 0) {
				assertThat(browser.findElement(By.id("serial")).getText()).isEqualTo(serial);
				assertThat(browser.findElement(By.id("holder")).getText()).contains(holder);
				BrowserTest.screenshot(browser, "firearm-registered");
			}
		}
		assertThat(browser.findElement(By.id("refusals")).getText()).contains(serial);
		BrowserTest.screenshot(browser, "duplicate-marking-refused");
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
