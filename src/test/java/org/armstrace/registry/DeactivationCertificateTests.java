package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.command.CommandResult;
import org.armstrace.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/**
 * A deactivated firearm's certificate with the content of Regulation 2015/2403 Annex III,
 * in the reader's language and English, and its public check by number and serial.
 */
@DatabaseTest
class DeactivationCertificateTests {

	@Autowired
	RegistryFixture fixture;

	@Autowired
	FirearmCommands firearms;

	@Autowired
	RegistryQueries queries;

	@Autowired
	TestUsers testUsers;

	@LocalServerPort
	int port;

	@Test
	void aCertificateIsPrintedInTwoLanguagesCheckedByNumberAndSerialAndNeverIssuedTwice() throws Exception {
		UUID id = fixture.registeredPistolHeldBy(fixture.owner());
		String serial = queries.firearm(id).orElseThrow().serial();
		String number = "DC-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(
				firearms.deactivate(id,
						new FirearmCommands.DeactivateFirearm(number, "EU 2015/2403", "Beschussamt Wien",
								"AT-DEACT-2026", null),
						RegistryFixture.ACTOR, null))
			.isInstanceOf(CommandResult.Accepted.class);

		HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(
						URI.create("http://localhost:" + port + "/api/v1/firearms/" + id + "/deactivation-certificate"))
				.header("Authorization", "Bearer " + testUsers.token(Role.REGISTRAR))
				.header("Cookie", "armstrace-lang=es")
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		assertThat(pdf.statusCode()).isEqualTo(200);
		String text = new PdfTextExtractor(new PdfReader(pdf.body())).getTextFromPage(1);
		assertThat(text).contains("Certificado de inutilización / Deactivation certificate", "Número de certificado /",
				number, serial, "Beschussamt Wien", "AT-DEACT-2026");

		Api api = new Api(port);
		HttpResponse<String> checked = api
			.get("/api/v1/deactivation-certificates/" + number + "?serial=" + serial.toLowerCase());
		assertThat(checked.statusCode()).as(checked.body()).isEqualTo(200);
		assertThat(Api.json(checked).path("stillDeactivated").asBoolean()).isTrue();
		assertThat(checked.body()).doesNotContain(fixture.owner().toString());
		assertThat(api.get("/api/v1/deactivation-certificates/" + number + "?serial=WRONG1").statusCode())
			.isEqualTo(404);
		String page = api.get("/checks?certificate=" + number + "&serial=" + serial).body();
		assertThat(page).contains("id=\"certificate-result\"").contains("Beschussamt Wien").contains(serial);
		assertThat(api.get("/checks?certificate=" + number + "&serial=WRONG1").body())
			.contains("id=\"certificate-unknown\"");

		UUID other = fixture.registeredPistolHeldBy(fixture.owner());
		CommandResult again = firearms.deactivate(other,
				new FirearmCommands.DeactivateFirearm(number, null, "Beschussamt Wien", "AT-DEACT-2027", null),
				RegistryFixture.ACTOR, null);
		assertThat(((CommandResult.Rejected) again).violations().getFirst().rule())
			.isEqualTo(RegistryRule.DeactivationCertificateIsUnique);
	}

}
