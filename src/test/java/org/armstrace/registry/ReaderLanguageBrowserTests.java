package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.armstrace.BrowserTest;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.command.CommandResult;
import org.armstrace.identity.Role;
import org.armstrace.seizure.CriminalContext;
import org.armstrace.seizure.ItemKind;
import org.armstrace.seizure.LegalBasis;
import org.armstrace.seizure.PlaceKind;
import org.armstrace.seizure.Seizures;
import org.armstrace.tracing.ObservedMarkings;
import org.armstrace.tracing.TracePriority;
import org.armstrace.tracing.TraceRequests;
import org.armstrace.tracing.Tracing;
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
 * An officer who reads Spanish or French sees refusals, candidate explanations, protocol
 * steps and flags in that language, naming the same values (statuses, characters,
 * records, dates) as an English reader sees.
 */
@DatabaseTest
@ExtendWith(BrowserTest.Availability.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReaderLanguageBrowserTests {

	/** What one officer's language must show. */
	record Expected(String language, String refusedTransfer, String misread, String makeAgrees, String matched,
			String listedStolen, String flag, String reportedStolenBy) {
	}

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	RegistryFixture fixture;

	@Autowired
	RegistryQueries queries;

	@Autowired
	Tracing tracing;

	@Autowired
	Seizures seizures;

	@Autowired
	TraceRequests traceRequests;

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
	void aSpanishReaderSeesRefusalsExplanationsProtocolStepsAndFlagsInSpanishWithTheirValues() {
		readsInItsLanguage(new Expected("es",
				"un arma robada no puede ser transferida hasta que se recupere (permitido si está: activa, desactivada)",
				"se leyó «5» por «S» en la posición 1", "coincide la marca (Synthetic Arms)", "coincide con %s, exacta",
				"el registro dice robada: informe al titular registrado",
				"Denunciada como perdida o robada: denunciada como robada el %s (denuncia POL-1), no recuperada antes "
						+ "de ser hallada",
				"denunciada como robada por propietario particular %s"));
	}

	@Test
	void aFrenchReaderSeesRefusalsExplanationsProtocolStepsAndFlagsInFrenchWithTheirValues() {
		readsInItsLanguage(new Expected("fr",
				"une arme volée ne peut pas être transférée avant d'être retrouvée (permis si elle est : active, "
						+ "neutralisée)",
				"« 5 » lu pour « S » en position 1", "la marque concorde (Synthetic Arms)", "correspond à %s, exact",
				"le registre indique volée : informez le détenteur enregistré",
				"Déclarée perdue ou volée: déclarée volée le %s (plainte POL-1), non retrouvée avant d'être découverte",
				"déclarée volée par propriétaire particulier %s"));
	}

	private void readsInItsLanguage(Expected expected) {
		UUID owner = fixture.owner();
		UUID stolen = fixture.stolenPistolHeldBy(owner);
		RegistryQueries.FirearmView firearm = queries.firearm(stolen).orElseThrow();
		tracing.catchUp();
		BrowserTest.signIn(browser, url(""), testUsers.user(Role.REGISTRAR).username());
		browser.get(url("/?lang=" + expected.language()));

		// a refusal, naming the status and the action in the reader's words
		browser.get(url("/firearms/" + stolen + "/transfer"));
		browser.findElement(By.id("toHolderId")).sendKeys(fixture.owner().toString());
		BrowserTest.clickAndWait(browser, By.id("record-transfer"));
		assertThat(browser.findElement(By.className("govuk-error-summary")).getText())
			.contains(expected.refusedTransfer());

		// a candidate's explanation: which character was read as which, which attribute
		// agreed
		browser.get(url("/trace?serial=5" + firearm.serial().substring(1) + "&make=Synthetic+Arms"));
		String explanation = browser.findElement(By.id("candidates")).getAttribute("textContent");
		assertThat(explanation).contains(expected.misread(), expected.makeAgrees());
		BrowserTest.screenshot(browser, "trace-candidates-" + expected.language());

		// the recovery protocol of a seizure of the stolen firearm
		UUID seizure = accepted(seizures.record(seizureOf(firearm), "user:language-test"));
		browser.get(url("/seizures/" + seizure));
		String protocol = browser.findElement(By.id("protocol-1")).getText();
		assertThat(protocol).contains(expected.matched().formatted(firearm.recordNumber()), expected.listedStolen());
		BrowserTest.screenshot(browser, "seizure-protocol-" + expected.language());

		// an answered trace request: its flags and chain of custody
		UUID request = accepted(traceRequests
			.open(new TraceRequests.OpenTraceRequest(ObservedMarkings.ofSerial(firearm.serial(), "Synthetic Arms"),
					TracePriority.ROUTINE, null, null, LocalDate.now(), "AUT", null, null, null, null, null, stolen),
					"user:language-test", null));
		accepted(traceRequests.answer(request, "user:language-test"));
		browser.get(url("/trace-requests/" + request));
		String answer = browser.findElement(By.id("answer")).getText();
		assertThat(answer).contains(expected.flag().formatted(LocalDate.now()),
				expected.reportedStolenBy().formatted(owner));
		BrowserTest.screenshot(browser, "trace-answer-" + expected.language());
	}

	private static Seizures.RecordSeizure seizureOf(RegistryQueries.FirearmView firearm) {
		return new Seizures.RecordSeizure(LocalDate.now(), "AUT", null, "Graz", null, null, PlaceKind.VEHICLE,
				"Federal Police", null, LegalBasis.ILLICIT_POSSESSION, CriminalContext.NONE_KNOWN, null, List.of(),
				List.of(new Seizures.Item(ItemKind.FIREARM,
						ObservedMarkings.ofSerial(firearm.serial(), "Synthetic Arms"), null, null, null, null, null,
						null, null, "Store 1", "Officer A", null, null, null, null, null)));
	}

	private static UUID accepted(CommandResult result) {
		return RegistryFixture.accepted(result);
	}

	private String url(String path) {
		return "http://localhost:" + port + path;
	}

}
