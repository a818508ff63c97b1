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

		HttpResponse<String> bad = api.post("/api/v1/seizures", customs, "{\"country\": \"Austria\", \"items\": []}");
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("\"field\":\"country\"", "\"field\":\"items\"", "\"field\":\"seizedOn\"");

		HttpResponse<String> csv = api.get("/api/v1/custody/items.csv?location=Airport%20store", customs);
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

}
