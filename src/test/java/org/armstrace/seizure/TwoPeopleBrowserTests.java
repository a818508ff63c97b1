package org.armstrace.seizure;

import static org.armstrace.seizure.SeizureTests.ACTOR;
import static org.armstrace.seizure.SeizureTests.ammunition;
import static org.armstrace.seizure.SeizureTests.ok;
import static org.armstrace.seizure.SeizureTests.seizure;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;
import java.util.UUID;

import org.armstrace.BrowserTest;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.identity.Role;
import org.armstrace.identity.SecondFactors;
import org.armstrace.identity.Users;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In a real browser, under the Content-Security-Policy: a destruction proposed by one
 * registrar and approved by another, and an auditor enrolling a second factor at first
 * sign-in.
 */
@DatabaseTest
@ExtendWith(BrowserTest.Availability.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoPeopleBrowserTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	Users users;

	@Autowired
	Seizures seizures;

	@Autowired
	SeizureQueries queries;

	@Autowired
	DestructionGate destruction;

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
	void oneRegistrarProposesADestructionAndAnotherApprovesIt() {
		UUID seizureId = ok(seizures.record(seizure(ammunition()), ACTOR));
		UUID item = queries.seizure(seizureId).orElseThrow().items().getFirst().id();
		BrowserTest.signIn(browser, url(""), testUsers.user(Role.REGISTRAR).username());
		browser.get(url("/seized-items/" + item));
		browser.findElement(By.id("method")).sendKeys("burning");
		browser.findElement(By.id("witnesses")).sendKeys("Officer A, Officer B");
		BrowserTest.clickAndWait(browser, By.id("destroy"));
		assertThat(browser.findElement(By.id("proposed")).getText()).contains("waits for a second person");
		assertThat(browser.findElement(By.id("custody-status")).getText()).isEqualTo("In custody");

		UUID proposal = destruction.awaitingApproval()
			.stream()
			.filter(p -> p.itemIds().contains(item))
			.findFirst()
			.orElseThrow()
			.id();
		browser.get(url("/destructions"));
		BrowserTest.clickAndWait(browser, By.id("approve-" + proposal));
		assertThat(browser.findElement(By.id("refusals")).getText()).contains("a second person must approve");
		BrowserTest.screenshot(browser, "destruction-own-approval-refused");

		browser.manage().deleteAllCookies();
		BrowserTest.signIn(browser, url(""), testUsers.user(Role.REGISTRAR).username());
		browser.get(url("/destructions"));
		BrowserTest.clickAndWait(browser, By.id("approve-" + proposal));
		assertThat(browser.findElement(By.id("approved")).getText()).contains("destroyed");
		assertThat(queries.item(item).orElseThrow().custodyStatus()).isEqualTo(CustodyStatus.DESTROYED);
		BrowserTest.screenshot(browser, "destruction-approved");
	}

	@Test
	void anAuditorEnrolsASecondFactorAtFirstSignIn() {
		String username = users
			.create("auditor-" + System.nanoTime() % 100_000, TestUsers.PASSWORD, EnumSet.of(Role.AUDITOR), false)
			.username();
		browser.get(url("/sign-in"));
		browser.findElement(By.id("username")).sendKeys(username);
		browser.findElement(By.id("password")).sendKeys(TestUsers.PASSWORD);
		BrowserTest.clickAndWait(browser, By.id("sign-in"));
		assertThat(browser.getCurrentUrl()).endsWith("/account/second-factor");
		String secret = browser.findElement(By.id("secret")).getText();
		assertThat(browser.findElement(By.id("otpauth-uri")).getText()).startsWith("otpauth://totp/").contains(secret);
		BrowserTest.screenshot(browser, "second-factor-enrolment");

		browser.findElement(By.id("code")).sendKeys(SecondFactors.codeAt(secret, Instant.now()));
		BrowserTest.clickAndWait(browser, By.id("enrol"));
		assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Dashboard");
		assertThat(users.find(username).orElseThrow().secondFactor()).isTrue();
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
