package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.WebSession;
import org.armstrace.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A dealer records on pages what the API lets it record (a loss, a theft, a transfer),
 * and, reading no record, is shown a confirmation on the form instead of the record.
 */
@DatabaseTest
class DealerPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	RegistryFixture fixture;

	@Autowired
	RegistryQueries queries;

	@Test
	void aDealerReportsALossAndATheftOnTheirPagesAndSeesAConfirmation() {
		UUID shop = fixture.dealer();
		String name = queries.holder(shop).orElseThrow().name();
		UUID lost = fixture.registeredPistolHeldBy(shop);
		UUID stolen = fixture.registeredPistolHeldBy(shop);
		WebSession dealer = WebSession.signIn(port, testUsers.dealerOf(shop).username());

		HttpResponse<String> form = dealer.get("/firearms/" + lost + "/actions/lost-report");
		assertThat(form.statusCode()).isEqualTo(200);
		assertThat(form.body()).contains("id=\"record-action\"").contains("href=\"/\"").doesNotContain(name);

		HttpResponse<String> reported = dealer.post("/firearms/" + lost + "/actions/lost-report",
				Map.of("reportReference", "DLR-7"));
		assertThat(reported.statusCode()).isEqualTo(302);
		String confirmation = reported.headers().firstValue("Location").orElseThrow();
		assertThat(confirmation).endsWith("/firearms/" + lost + "/actions/lost-report?recorded");
		String recordNumber = queries.firearm(lost).orElseThrow().recordNumber();
		assertThat(dealer.get(confirmation.replaceFirst("^https?://[^/]+", "")).body()).contains("id=\"recorded\"")
			.contains("Record " + recordNumber + ", status: Lost");
		assertThat(queries.firearm(lost).orElseThrow().status()).isEqualTo(FirearmStatus.LOST);

		assertThat(dealer.post("/firearms/" + stolen + "/actions/theft-report", Map.of()).statusCode()).isEqualTo(302);
		assertThat(queries.firearm(stolen).orElseThrow().status()).isEqualTo(FirearmStatus.STOLEN);
		assertThat(dealer.get("/firearms/" + lost + "/actions/recovery").statusCode()).isEqualTo(403);
	}

	@Test
	void aDealersPagesShowOnlyItsOwnStockAndAnotherFirearmIsNotFound() {
		UUID shop = fixture.dealer();
		UUID other = fixture.registeredPistolHeldBy(fixture.dealer());
		WebSession dealer = WebSession.signIn(port, testUsers.dealerOf(shop).username());

		assertThat(dealer.get("/firearms/" + other + "/transfer").statusCode()).isEqualTo(404);
		assertThat(dealer.get("/firearms/" + other + "/actions/lost-report").statusCode()).isEqualTo(404);
		assertThat(dealer.post("/firearms/" + other + "/actions/theft-report", Map.of()).statusCode()).isEqualTo(404);
		assertThat(queries.firearm(other).orElseThrow().status()).isEqualTo(FirearmStatus.ACTIVE);
	}

	@Test
	void aDealersTransferEndsOnTheFormAndARegistrarsOnTheRecord() {
		UUID shop = fixture.dealer();
		UUID id = fixture.registeredPistolHeldBy(shop);
		WebSession dealer = WebSession.signIn(port, testUsers.dealerOf(shop).username());

		HttpResponse<String> transferred = dealer.post("/firearms/" + id + "/transfer",
				Map.of("toHolderId", fixture.owner().toString(), "occurredOn", ""));

		assertThat(transferred.headers().firstValue("Location").orElseThrow())
			.endsWith("/firearms/" + id + "/transfer?recorded");
		assertThat(dealer.get("/firearms/" + id + "/transfer?recorded").body()).contains("id=\"recorded\"");
		WebSession registrar = WebSession.signIn(port, testUsers.user(Role.REGISTRAR).username());
		HttpResponse<String> back = registrar.post("/firearms/" + id + "/transfer",
				Map.of("toHolderId", shop.toString(), "occurredOn", ""));
		assertThat(back.headers().firstValue("Location").orElseThrow()).endsWith("/firearms/" + id);
	}

}
