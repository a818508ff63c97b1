package org.armstrace.seizure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.WebSession;
import org.armstrace.identity.AccessLog;
import org.armstrace.identity.Role;
import org.armstrace.identity.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The custody page with items and judicial deadlines on it (holds with and without an end
 * date), rendered to its end.
 */
@DatabaseTest
class CustodyPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	AccessLog accessLog;

	@Test
	void theCustodyPageRendersWholeWithItemsAndDeadlines() {
		Seized seized = seize();
		WebSession web = WebSession.signIn(port, testUsers.user(Role.INVESTIGATOR).username());

		HttpResponse<String> custody = web.get("/custody?location=" + seized.location().replace(" ", "+"));

		assertThat(custody.statusCode()).isEqualTo(200);
		String page = custody.body();
		assertThat(page).contains("id=\"deadlines\"").contains(seized.firearmReference());
		int items = page.indexOf("id=\"custody-items\"");
		assertThat(items).as("the items table, the page's last section").isPositive();
		String lastSection = page.substring(items);
		assertThat(lastSection).contains(seized.firearmReference())
			.contains("CUST-7")
			.contains(seized.ammunitionReference())
			.contains("250 × 9x19mm")
			.contains("</table>")
			.contains("href=\"/seized-items/" + seized.firearmId() + "\"");
		assertThat(page).contains("class=\"govuk-footer\"").endsWith("</html>\n");
	}

	@Test
	void seizedItemAndCustodyReadsRecordTheStatedPurposeOnPagesAndInTheApi() {
		Seized seized = seize();
		Users.Account officer = testUsers.user(Role.CUSTOMS);
		WebSession web = WebSession.signIn(port, officer.username());

		String page = web.get("/custody?location=" + seized.location().replace(" ", "+") + "&purpose=audit+2026%2F3")
			.body();
		assertThat(lastPurpose(officer, AccessLog.Action.SEARCH)).isEqualTo("audit 2026/3");
		assertThat(page).contains("purpose=audit%202026/3");
		web.get("/seized-items/" + seized.firearmId() + "?purpose=audit+2026%2F3");
		assertThat(lastPurpose(officer, AccessLog.Action.READ)).isEqualTo("audit 2026/3");
		assertThat(page).contains("id=\"export-purpose\" name=\"purpose\" type=\"text\" value=\"audit 2026/3\"");
		assertThat(web.get("/custody?status=NOT_A_STATUS").statusCode()).as("a status that does not exist")
			.isEqualTo(400);
		assertThat(web.post("/custody/exports", Map.of("status", "NOT_A_STATUS", "purpose", "x")).statusCode())
			.isEqualTo(400);
		web.post("/custody/exports", Map.of("location", seized.location(), "purpose", "audit 2026/4"));
		assertThat(lastPurpose(officer, AccessLog.Action.EXPORT_REQUESTED)).isEqualTo("audit 2026/4");

		Api api = new Api(port);
		String token = testUsers.tokenFor(officer);
		api.getWithHeader("/api/v1/seized-items/" + seized.firearmId(), token, AccessLog.PURPOSE_HEADER,
				"%D0%B4%D0%B5%D0%BB%D0%BE%20123");
		assertThat(lastPurpose(officer, AccessLog.Action.READ)).isEqualTo("дело 123");
		api.getWithHeader("/api/v1/custody/items", token, AccessLog.PURPOSE_HEADER, "stocktake");
		assertThat(lastPurpose(officer, AccessLog.Action.SEARCH)).isEqualTo("stocktake");
		api.getWithHeader("/api/v1/custody/deadlines", token, AccessLog.PURPOSE_HEADER, "court calendar");
		AccessLog.Entry deadlines = accessLog.search(officer.username(), AccessLog.Action.SEARCH, 1).getFirst();
		assertThat(deadlines.target()).isEqualTo("judicial deadlines");
		assertThat(deadlines.purpose()).isEqualTo("court calendar");
	}

	private String lastPurpose(Users.Account who, AccessLog.Action action) {
		return accessLog.search(who.username(), action, 1).getFirst().purpose();
	}

	record Seized(String location, String firearmId, String firearmReference, String ammunitionReference) {
	}

	/**
	 * A firearm held until ten days from now and ammunition held without an end date, in
	 * a store of their own.
	 */
	private Seized seize() {
		Api api = new Api(port);
		String token = testUsers.token(Role.CUSTOMS);
		String location = "Store " + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> created = api.post("/api/v1/seizures", token, """
				{"seizedOn": "%s", "country": "AUT", "placeKind": "STREET", "agency": "Police",
				 "legalBasis": "ILLICIT_POSSESSION", "criminalContext": "NONE_KNOWN",
				 "items": [{"kind": "FIREARM", "observed": {"serial": "CUST-7", "make": "Glock"},
				            "storageLocation": "%s"},
				           {"kind": "AMMUNITION", "calibre": "9x19mm", "quantity": 250, "storageLocation": "%s"}]}
				""".formatted(LocalDate.now().minusDays(2), location, location));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode items = Api.json(created).path("items");
		JsonNode firearm = items.get(0);
		JsonNode rounds = items.get(1);
		hold(api, token, firearm.path("id").asString(), "\"until\": \"" + LocalDate.now().plusDays(10) + "\"");
		hold(api, token, rounds.path("id").asString(), "\"until\": null");
		return new Seized(location, firearm.path("id").asString(), firearm.path("reference").asString(),
				rounds.path("reference").asString());
	}

	private static void hold(Api api, String token, String itemId, String until) {
		HttpResponse<String> held = api.post("/api/v1/seized-items/" + itemId + "/judicial-holds", token,
				"{\"caseReference\": \"CASE-" + itemId.substring(0, 6) + "\", \"court\": \"Regional court\", " + until
						+ "}");
		assertThat(held.statusCode()).as(held.body()).isEqualTo(201);
	}

}
