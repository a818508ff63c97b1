package org.armstrace.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collections;
import java.util.List;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.identity.Role;
import org.armstrace.ledger.Ledger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Hostile values as an outside tester sends them: each is refused with the field and the
 * rule, as a problem (422, or 400 for what cannot be read), never a 500, and nothing is
 * written.
 */
@DatabaseTest
class HostileInputTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	Ledger ledger;

	Api api;

	String token;

	@BeforeEach
	void client() {
		api = new Api(port);
		token = testUsers.token(Role.ADMIN);
	}

	@Test
	void tooLongTextsAreRefusedByTheirBoundBeforeAnyWork() {
		long before = ledger.size();
		String seizure = """
				{"seizedOn": "2026-01-02", "country": "AUT", "placeKind": "VEHICLE", "agency": "Police",
				 "legalBasis": "OTHER", "criminalContext": "NONE_KNOWN",
				 "persons": [{"name": "%s", "role": "SUSPECT"}],
				 "items": [{"kind": "FIREARM", "observed": {"serial": "%s"}, "traceException": "%s",
				            "storageLocation": "%s"}]}
				""".formatted("N".repeat(201), "S".repeat(10_000), "T".repeat(501), "L".repeat(201));

		JsonNode refused = refused(api.post("/api/v1/seizures", token, seizure), 422);

		assertThat(rules(refused)).contains("persons[0].name:FieldIsTooLong", "items[0].observed.serial:FieldIsTooLong",
				"items[0].traceException:FieldIsTooLong", "items[0].storageLocation:FieldIsTooLong");
		assertThat(ledger.size()).isEqualTo(before);
	}

	@Test
	void aTenThousandCharacterSerialIsRefusedAtOnceByTheSearch() {
		long started = System.nanoTime();
		JsonNode refused = refused(
				api.post("/api/v1/trace/search", token, "{\"serial\": \"" + "7".repeat(10_000) + "\"}"), 422);
		assertThat(rules(refused)).containsExactly("serial:FieldIsTooLong");
		assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
	}

	@Test
	void numbersHaveRangesAndCoordinatesMustBeFinite() {
		String holder = created(api.post("/api/v1/holders", token,
				"{\"role\": \"MANUFACTURER\", \"name\": \"Synthetic Maker\", \"country\": \"AUT\"}"));
		JsonNode quantity = refused(api.post("/api/v1/ammunition-lots", token, """
				{"manufacturer": "Synthetic", "calibre": "9x19mm", "lotNumber": "L1", "holderId": "%s",
				 "quantity": 9223372036854775807}""".formatted(holder)), 422);
		assertThat(rules(quantity)).containsExactly("quantity:NumberIsAtMost");

		JsonNode coordinates = refused(api.post("/api/v1/seizures", token, """
				{"seizedOn": "2026-01-02", "country": "AUT", "placeKind": "VEHICLE", "agency": "Police",
				 "legalBasis": "OTHER", "criminalContext": "NONE_KNOWN", "latitude": "NaN", "longitude": 16.0,
				 "items": [{"kind": "AMMUNITION", "calibre": "9x19mm", "quantity": 5}]}"""), 422);
		assertThat(rules(coordinates)).containsExactly("latitude:Coordinates");
	}

	@Test
	void datesHaveAPlausibleRangeAndAnOrder() {
		String firearm = created(api.post("/api/v1/firearms", token, """
				{"type": "PISTOL", "make": "Glock", "serial": "HST%d", "countryOfManufacture": "AUT", "year": 2020,
				 "occurredOn": "2020-06-01"}""".formatted(System.nanoTime() % 1_000_000)));
		String buyer = created(api.post("/api/v1/holders", token,
				"{\"role\": \"PRIVATE_OWNER\", \"name\": \"Synthetic Buyer\", \"country\": \"AUT\"}"));

		JsonNode beforeItWasMade = refused(api.post("/api/v1/firearms/" + firearm + "/transfers", token,
				"{\"toHolderId\": \"%s\", \"occurredOn\": \"2019-12-31\"}".formatted(buyer)), 422);
		assertThat(rules(beforeItWasMade)).containsExactly("occurredOn:DateIsNotBeforeManufacture");

		JsonNode yearZero = refused(api.post("/api/v1/firearms/" + firearm + "/transfers", token,
				"{\"toHolderId\": \"%s\", \"occurredOn\": \"0000-01-01\"}".formatted(buyer)), 422);
		assertThat(rules(yearZero)).containsExactly("occurredOn:DateIsPlausible");
	}

	@Test
	void oneIdempotencyKeyMeansOneRequestOfOneUser() {
		String key = "key-" + System.nanoTime();
		String dealer = "{\"role\": \"DEALER\", \"name\": \"Synthetic Dealer\", \"country\": \"AUT\"}";
		HttpResponse<String> first = api.postWithHeader("/api/v1/holders", token, dealer, "Idempotency-Key", key);
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(api.postWithHeader("/api/v1/holders", token, dealer, "Idempotency-Key", key).statusCode())
			.isEqualTo(200);

		HttpResponse<String> otherBody = api.postWithHeader("/api/v1/holders", token,
				dealer.replace("Synthetic Dealer", "Another Dealer"), "Idempotency-Key", key);
		assertThat(rules(refused(otherBody, 422))).containsExactly("idempotencyKey:IdempotencyKeyIsForOneRequest");

		HttpResponse<String> otherUser = api.postWithHeader("/api/v1/holders", testUsers.token(Role.REGISTRAR), dealer,
				"Idempotency-Key", key);
		assertThat(otherUser.statusCode()).as("another user's key is another command").isEqualTo(201);
		assertThat(Api.json(otherUser).path("id").asString()).isNotEqualTo(Api.json(first).path("id").asString());
	}

	@Test
	void aSeizureHoldsABoundedNumberOfItems() {
		String item = "{\"kind\": \"AMMUNITION\", \"calibre\": \"9x19mm\", \"quantity\": 1}";
		String items = String.join(",", Collections.nCopies(51, item));
		JsonNode refused = refused(api.post("/api/v1/seizures", token, """
				{"seizedOn": "2026-01-02", "country": "AUT", "placeKind": "VEHICLE", "agency": "Police",
				 "legalBasis": "OTHER", "criminalContext": "NONE_KNOWN", "items": [%s]}""".formatted(items)), 422);
		assertThat(rules(refused)).containsExactly("items:ListIsTooLong");
	}

	@Test
	void theApiDocumentNamesEachFieldsMaximum() {
		JsonNode schemas = Api.json(api.get("/api/docs/openapi.json")).path("components").path("schemas");
		assertThat(schemas.path("RegisterFirearm").path("properties").path("make").path("maxLength").asInt())
			.isEqualTo(200);
		assertThat(schemas.path("Item").path("properties").path("traceException").path("maxLength").asInt())
			.isEqualTo(500);
	}

	@Test
	void pathsAndRequestsTheServerRefusesAreAnsweredAsProblems() throws IOException {
		HttpResponse<String> unknown = api.get("/api/v1/no-such-thing", token);
		assertThat(unknown.statusCode()).isEqualTo(404);
		assertThat(unknown.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));

		String firewall = raw("GET /api/v1/firearms/%2e%2e/holders HTTP/1.1\r\nHost: localhost\r\n"
				+ "Authorization: Bearer " + token + "\r\nConnection: close\r\n\r\n");
		assertThat(firewall).startsWith("HTTP/1.1 400").containsIgnoringCase("content-type: application/problem+json");

		// refused by the server before any filter: a '{' in the path, an encoded NUL, a
		// control character in a header
		for (String request : List.of("GET /api/v1/fire{arms HTTP/1.1\r\n", "GET /api/v1/%00 HTTP/1.1\r\n",
				"GET /api/v1/firearms HTTP/1.1\r\nX-Note: a\u0001b\r\n")) {
			String answer = raw(request + "Host: localhost\r\nConnection: close\r\n\r\n");
			assertThat(answer).as(request)
				.startsWith("HTTP/1.1 400")
				.containsIgnoringCase("content-type: application/problem+json")
				.contains("\"status\":400")
				.doesNotContain("<html")
				.doesNotContain("Tomcat");
		}
	}

	private String raw(String request) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(5_000);
			OutputStream out = socket.getOutputStream();
			out.write(request.getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			InputStream in = socket.getInputStream();
			return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
		}
	}

	private static JsonNode refused(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		return Api.json(response);
	}

	private static String created(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return Api.json(response).path("id").asString();
	}

	private static List<String> rules(JsonNode problem) {
		return problem.path("violations")
			.valueStream()
			.map(v -> v.path("field").asString() + ":" + v.path("rule").asString())
			.toList();
	}

}
