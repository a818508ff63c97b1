package org.armstrace.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.WebSession;
import org.armstrace.command.CommandResult;
import org.armstrace.identity.AccessLog;
import org.armstrace.identity.Role;
import org.armstrace.identity.Users;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmType;
import org.armstrace.registry.HolderCommands;
import org.armstrace.registry.HolderRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The link view joins a holder, the suspect seized with the holder's stolen pistol, the
 * sender of the shipment it came in, the case the seizure opened and the money recorded
 * in it; it needs a purpose, which the access log keeps, and is closed to analysts.
 */
@DatabaseTest
class PersonLinksTests {

	private static final String ACTOR = "user:test";

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	HolderCommands holders;

	@Autowired
	FirearmCommands firearms;

	@Autowired
	AccessLog accessLog;

	@Test
	void aHolderASuspectASenderAWeaponACaseAndItsMoneyAreLinked() {
		String n = Integer.toString(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
		String owner = "Linda Quellmalz " + n;
		String suspect = "Markus Ortner " + n;
		String sender = "Synthetic Forwarding " + n;
		UUID holder = ok(holders.register(
				new HolderCommands.RegisterHolder(HolderRole.PRIVATE_OWNER, owner, "3 Example Lane", "AUT", null),
				ACTOR, null));
		String serial = "LNK" + n;
		UUID pistol = ok(firearms.register(new FirearmCommands.RegisterFirearm(FirearmType.PISTOL, null, "Glock", "17",
				"9x19mm", serial, "AUT", 2016, List.of(), holder, null, false, LocalDate.of(2016, 5, 1)), ACTOR, null));
		ok(firearms.reportStolen(pistol,
				new FirearmCommands.ReportMissing(holder, "POL-" + n, LocalDate.of(2022, 2, 1)), ACTOR, null));
		Api api = new Api(port);
		String customs = testUsers.token(Role.CUSTOMS);
		HttpResponse<String> seized = api.post("/api/v1/seizures", customs, """
				{"seizedOn": "%s", "country": "AUT", "placeKind": "POSTAL_OR_COURIER_FACILITY", "agency": "Customs",
				 "legalBasis": "TRAFFICKING", "criminalContext": "ORGANISED_CRIME",
				 "shipment": {"carrier": "ExpressCourier", "trackingNumber": "TRK%s", "declaredContent": "spare parts",
				              "originCountry": "DEU", "destinationCountry": "AUT",
				              "sender": {"name": "%s", "address": "9 Depot Road", "phone": "+49 151 0000 %s"}},
				 "persons": [{"name": "%s", "nationality": "AUT", "role": "SUSPECT"}],
				 "items": [{"kind": "FIREARM", "observed": {"serial": "%s", "make": "Glock"}, "firearmId": "%s",
				            "storageLocation": "Evidence store"}]}
				""".formatted(LocalDate.now().minusDays(3), n, sender, n, suspect, serial, pistol));
		assertThat(seized.statusCode()).as(seized.body()).isEqualTo(201);
		String seizure = Api.json(seized).path("reference").asString();
		Users.Account account = testUsers.user(Role.INVESTIGATOR);
		String investigator = testUsers.tokenFor(account);

		// the seizure opened a trace request in a case that names the suspect and the
		// pistol; the investigator records money in it
		JsonNode bySuspect = links(api, investigator, "ortner " + n, "operation lantern");
		String caseReference = bySuspect.path("cases").get(0).path("reference").asString();
		assertThat(api
			.post("/api/v1/investigation-cases/" + caseReference + "/financial-information", investigator,
					"{\"kind\":\"TRANSFER\",\"amount\":\"2500\",\"currency\":\"EUR\",\"occurredOn\":\"2026-09-01\","
							+ "\"counterparty\":\"Synthetic Broker " + n + "\"}")
			.statusCode()).isEqualTo(201);

		// from the owner's name: the holder, the pistol held, where it was seized, the
		// case
		// that names it with the suspect and the money
		JsonNode byOwner = links(api, investigator, "QUELLMALZ " + n, "operation lantern");
		assertThat(byOwner.path("people")
			.valueStream()
			.map(p -> p.path("source").asString() + " " + p.path("name").asString()))
			.containsExactly("HOLDER " + owner);
		JsonNode weapon = byOwner.path("weapons").get(0);
		assertThat(weapon.path("recordNumber").asString()).isNotBlank();
		assertThat(weapon.path("reachedBy")
			.valueStream()
			.map(r -> r.path("how").asString() + " " + r.path("through").asString()))
			.containsExactly("HELD_BY " + owner);
		assertThat(weapon.path("seizures").valueStream().map(JsonNode::asString)).containsExactly(seizure);
		assertThat(weapon.path("cases").valueStream().map(JsonNode::asString)).contains(caseReference);
		JsonNode linkedCase = byOwner.path("cases").get(0);
		assertThat(linkedCase.path("reference").asString()).isEqualTo(caseReference);
		assertThat(linkedCase.path("reachedBy").get(0).path("how").asString()).isEqualTo("NAMES_WEAPON");
		assertThat(linkedCase.path("persons").valueStream().map(JsonNode::asString))
			.anyMatch(p -> p.startsWith(suspect));
		assertThat(linkedCase.path("money").get(0).path("amount").asString()).isEqualTo("2500.00");
		assertThat(linkedCase.path("money").get(0).path("counterparty").asString()).isEqualTo("Synthetic Broker " + n);

		// from the suspect's name: the person of the seizure and of the case, the pistol
		// reached both ways, still the owner's
		JsonNode again = links(api, investigator, "Ortner " + n, "operation lantern");
		assertThat(again.path("people").valueStream().map(p -> p.path("source").asString()))
			.containsExactlyInAnyOrder("SEIZURE_PERSON", "CASE_PERSON");
		JsonNode same = again.path("weapons").get(0);
		assertThat(same.path("firearmId").asString()).isEqualTo(pistol.toString());
		assertThat(same.path("reachedBy").valueStream().map(r -> r.path("how").asString()))
			.containsExactlyInAnyOrder("SEIZED_WITH", "IN_CASE");
		assertThat(same.path("holder").asString()).startsWith(owner);
		// the sender of the shipment, found by part of its name
		assertThat(links(api, investigator, "forwarding " + n, "operation lantern").path("people")
			.get(0)
			.path("detail")
			.asString()).contains("9 Depot Road", "+49 151 0000 " + n);

		// a purpose is required and kept; too short a name is refused naming the field;
		// analysts do not read persons of cases
		HttpResponse<String> noPurpose = api.get("/api/v1/analytics/links?name=Ortner", investigator);
		assertThat(noPurpose.statusCode()).isEqualTo(400);
		assertThat(Api.json(noPurpose).path("detail").asString()).startsWith("purpose:");
		HttpResponse<String> shortName = api.getWithHeader("/api/v1/analytics/links?name=Or", investigator,
				AccessLog.PURPOSE_HEADER, "x");
		assertThat(shortName.statusCode()).isEqualTo(400);
		assertThat(Api.json(shortName).path("detail").asString()).startsWith("name:");
		assertThat(api
			.getWithHeader("/api/v1/analytics/links?name=Ortner", testUsers.token(Role.ANALYST),
					AccessLog.PURPOSE_HEADER, "x")
			.statusCode()).isEqualTo(403);
		String investigatorName = account.username();
		assertThat(accessLog.search(investigatorName, AccessLog.Action.SEARCH, 10))
			.anyMatch(e -> "operation lantern".equals(e.purpose()) && e.terms().contains("Ortner " + n));

		// the page: the form, then the tables and the graph's place
		WebSession page = WebSession.signIn(port, investigatorName);
		assertThat(page.get("/analytics/links").body()).contains("id=\"find-links\"")
			.doesNotContain("id=\"link-people\"");
		assertThat(page.get("/analytics/links?name=Ortner+" + n).body()).contains("id=\"links-problem\"", "#purpose");
		String shown = page.get("/analytics/links?name=Quellmalz+" + n + "&purpose=operation+lantern").body();
		assertThat(shown).contains("id=\"link-people\"", "id=\"link-weapons\"", "id=\"link-cases\"",
				"id=\"links-graph\"", owner, seizure, caseReference, "2500.00 EUR");
	}

	private static JsonNode links(Api api, String token, String name, String purpose) {
		HttpResponse<String> answer = api.getWithHeader("/api/v1/analytics/links?name=" + name.replace(" ", "+"), token,
				AccessLog.PURPOSE_HEADER, purpose);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
		return Api.json(answer);
	}

	private static UUID ok(CommandResult result) {
		assertThat(result).as(result.toString()).isInstanceOf(CommandResult.Accepted.class);
		return ((CommandResult.Accepted) result).subjectId();
	}

}
