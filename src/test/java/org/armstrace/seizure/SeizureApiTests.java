package org.armstrace.seizure;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Seizures over HTTP: recorded with the protocol, refused with fields, custody CSV, the
 * gate, IAFQ formats.
 */
@DatabaseTest
class SeizureApiTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Test
	void aSeizureIsRecordedOverHttpItsItemGatedAndItsDataExported() {
		Api api = new Api(port);
		String customs = testUsers.token(Role.CUSTOMS);
		String body = """
				{"seizedOn": "%s", "country": "AUT", "placeKind": "POSTAL_OR_COURIER_FACILITY", "agency": "Customs",
				 "legalBasis": "TRAFFICKING", "criminalContext": "NONE_KNOWN",
				 "shipment": {"carrier": "ExpressCourier", "trackingNumber": "TRK1", "declaredContent": "toys",
				              "originCountry": "USA", "destinationCountry": "AUT",
				              "sender": {"name": "Synthetic Sender", "address": "1 Example Street"}},
				 "items": [{"kind": "PART", "partKind": "BARREL", "observed": {"serial": "BRL*77"},
				            "storageLocation": "Airport store"},
				           {"kind": "AMMUNITION", "calibre": "9x19mm", "quantity": 200, "storageLocation": "Airport store"}]}
				"""
			.formatted(LocalDate.now().minusDays(1));

		HttpResponse<String> created = api.post("/api/v1/seizures", customs, body);

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode seizure = Api.json(created);
		assertThat(seizure.path("carrier").asString()).isEqualTo("ExpressCourier");
		JsonNode part = seizure.path("items").get(0);
		assertThat(part.path("protocol").valueStream().map(s -> s.path("step").asString()).toList()).containsExactly(
				"NATIONAL_REGISTRY_MATCH", "LOST_OR_STOLEN_STATUS", "TRACE_REQUEST", "INTERNATIONAL_CHECK",
				"BALLISTIC_REFERENCE");
		JsonNode international = part.path("protocol").get(3);
		assertThat(international.path("outcome").asString()).isEqualTo("INTERNATIONAL_NOT_CONNECTED");
		assertThat(international.path("message").asString())
			.isEqualTo("exchange with other States and INTERPOL iARMS is not connected: check by hand");
		String partId = part.path("id").asString();

		HttpResponse<String> check = api.get("/api/v1/seized-items/" + partId + "/destruction-check", customs);
		assertThat(Api.json(check).path("mayBeDestroyed").asBoolean()).isFalse();
		HttpResponse<String> refused = api.post("/api/v1/seized-items/destructions", testUsers.token(Role.REGISTRAR),
				"{\"itemIds\": [\"" + partId + "\"], \"method\": \"cutting\", \"witnesses\": [\"A\"]}");
		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("TracedBeforeDestruction");
		assertThat(api.post("/api/v1/seized-items/destructions", customs, "{}").statusCode()).isEqualTo(403);

		HttpResponse<String> bad = api.post("/api/v1/seizures", customs, "{\"country\": \"Atlantis\", \"items\": []}");
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("\"field\":\"country\"", "\"field\":\"items\"", "\"field\":\"seizedOn\"");

		HttpResponse<String> csv = exportApprovedByAnother(api, customs, "Airport store");
		assertThat(csv.body()).startsWith("storage_location,custody_status").contains("Airport store,IN_CUSTODY");
		assertThat(api.get("/api/v1/seizures/" + seizure.path("id").asString(), customs).statusCode()).isEqualTo(400);

		String analyst = testUsers.token(Role.ANALYST);
		String period = "from=" + LocalDate.now().minusDays(10) + "&to=" + LocalDate.now();
		HttpResponse<String> xlsx = api.get("/api/v1/iafq?" + period, analyst);
		assertThat(xlsx.statusCode()).isEqualTo(200);
		assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow()).contains("spreadsheetml");
		assertThat(api.get("/api/v1/iafq?" + period + "&format=csv", analyst).body())
			.startsWith("table,dimension,value,count");
		assertThat(api.get("/api/v1/iafq?" + period + "&format=pdf", analyst).statusCode()).isEqualTo(400);
		assertThat(api.get("/api/v1/iafq?" + period, customs).statusCode()).isEqualTo(403);
	}

	@Test
	void aBulkExportOfItemsInCustodyIsAskedForApprovedByAnotherPersonAndDownloadedOnceByWhoAsked() {
		Api api = new Api(port);
		String asker = testUsers.token(Role.INVESTIGATOR);
		assertThat(api.get("/api/v1/custody/items.csv", asker).statusCode()).as("no export without approval")
			.isEqualTo(404);
		assertThat(api.post("/api/v1/custody/exports", asker, "{}").body()).contains("FieldIsRequired", "purpose");

		HttpResponse<String> asked = api.post("/api/v1/custody/exports", asker,
				"{\"location\": \"Store 9\", \"purpose\": \"audit of store 9\"}");
		assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
		String id = Api.json(asked).path("id").asString();
		assertThat(api.get("/api/v1/custody/exports/" + id + "/items.csv", asker).statusCode()).as("not approved yet")
			.isEqualTo(422);
		HttpResponse<String> byTheAsker = api.post("/api/v1/custody/exports/" + id + "/approval", asker, "{}");
		assertThat(byTheAsker.statusCode()).isEqualTo(422);
		assertThat(byTheAsker.body()).contains("ApproverIsNotTheProposer");

		String auditor = testUsers.token(Role.AUDITOR);
		assertThat(api.post("/api/v1/custody/exports/" + id + "/approval", auditor, "{}").statusCode()).isEqualTo(200);
		assertThat(api.post("/api/v1/custody/exports/" + id + "/approval", auditor, "{}").body())
			.contains("ProposalIsAwaitingApproval");
		assertThat(api.get("/api/v1/custody/exports/" + id + "/items.csv", auditor).statusCode())
			.as("only for whoever asked")
			.isEqualTo(422);
		HttpResponse<String> file = api.get("/api/v1/custody/exports/" + id + "/items.csv", asker);
		assertThat(file.statusCode()).isEqualTo(200);
		assertThat(file.body()).startsWith("storage_location,custody_status");
		assertThat(api.get("/api/v1/custody/exports/" + id + "/items.csv", asker).statusCode()).as("once")
			.isEqualTo(422);

		String log = api.get("/api/v1/access-log?limit=20", testUsers.token(Role.AUDITOR)).body();
		assertThat(log).contains("EXPORT_REQUESTED", "EXPORT_APPROVED", "\"action\":\"EXPORT\"", "audit of store 9");
	}

	@Test
	void aDestructionProposedThroughTheApiIsCarriedOutWhenAnotherRegistrarApprovesIt() {
		Api api = new Api(port);
		String customs = testUsers.token(Role.CUSTOMS);
		String body = """
				{"seizedOn": "%s", "country": "AUT", "placeKind": "RESIDENCE", "agency": "Police",
				 "legalBasis": "ILLICIT_POSSESSION", "criminalContext": "NONE_KNOWN",
				 "items": [{"kind": "AMMUNITION", "calibre": "9x19mm", "quantity": 50, "storageLocation": "Store 2"}]}
				""".formatted(LocalDate.now());
		String item = Api.json(api.post("/api/v1/seizures", customs, body)).path("items").get(0).path("id").asString();
		String proposer = testUsers.token(Role.REGISTRAR);
		HttpResponse<String> proposed = api.post("/api/v1/seized-items/destructions", proposer,
				"{\"itemIds\": [\"" + item + "\"], \"method\": \"burning\", \"witnesses\": [\"A\"]}");
		assertThat(proposed.statusCode()).as(proposed.body()).isEqualTo(201);
		String proposal = Api.json(proposed).path("id").asString();
		assertThat(api.get("/api/v1/seized-items/destructions", customs).body()).contains(proposal);
		assertThat(api.post("/api/v1/seized-items/destructions/" + proposal + "/approval", proposer, "{}").body())
			.contains("ApproverIsNotTheProposer");
		assertThat(api.post("/api/v1/seized-items/destructions/" + proposal + "/approval", customs, "{}").statusCode())
			.isEqualTo(403);

		HttpResponse<String> approved = api.post("/api/v1/seized-items/destructions/" + proposal + "/approval",
				testUsers.token(Role.ADMIN), "{}");
		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
		assertThat(Api.json(api.get("/api/v1/seized-items/" + item, customs)).path("custodyStatus").asString())
			.isEqualTo("DESTROYED");
	}

	/**
	 * Items in custody at a location as CSV: asked for, approved by an auditor,
	 * downloaded.
	 */
	private HttpResponse<String> exportApprovedByAnother(Api api, String asker, String location) {
		String id = Api.json(api.post("/api/v1/custody/exports", asker,
				"{\"location\": \"" + location + "\", \"purpose\": \"evidence review\"}"))
			.path("id")
			.asString();
		api.post("/api/v1/custody/exports/" + id + "/approval", testUsers.token(Role.AUDITOR), "{}");
		return api.get("/api/v1/custody/exports/" + id + "/items.csv", asker);
	}

}
