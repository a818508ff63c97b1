package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.identity.Role;
import org.armstrace.ledger.CheckpointSigner;
import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.LedgerVerification;
import org.armstrace.ledger.merkle.Checkpoint;
import org.armstrace.ledger.merkle.NoteVerifier;
import org.armstrace.ledger.merkle.ProofVerifier;
import org.armstrace.ledger.merkle.TreeHasher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/** The registry as a dealer's or an agency's machine uses it over HTTP. */
@DatabaseTest
class RegistryApiTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	Ledger ledger;

	@Autowired
	LedgerVerification verification;

	@Autowired
	RegistryFixture fixture;

	@Autowired
	CheckpointSigner signer;

	Api api;

	String token;

	@BeforeEach
	void setUp() {
		api = new Api(port);
		token = testUsers.token(Role.ADMIN);
	}

	@Test
	void aSearchByTheStartOfASerialIgnoresCaseAndSeparatorsAndTakesAnyTextSafely() {
		String serial = "QK" + System.nanoTime() % 100_000_000 + "X";
		HttpResponse<String> created = api.post("/api/v1/firearms", token, """
				{"type":"PISTOL","make":"Synthetic Arms","model":"P1","calibre":"9x19mm","serial":"%s",
				 "countryOfManufacture":"AUT","year":2021}""".formatted(serial));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String start = serial.substring(0, 2).toLowerCase() + "-" + serial.substring(2, 6);
		for (int i = 0; i < 7; i++) {
			// a prepared statement is planned once for any value after five runs: the
			// search must still find it
			assertThat(api.get("/api/v1/firearms?serial=" + start, token).body()).as("run " + i).contains(serial);
		}
		for (String text : List.of("QK'", "Q%25K", "Q%25", "\\", "ÄÖ", "QK' OR '1'='1")) {
			HttpResponse<String> answer = api
				.get("/api/v1/firearms?serial=" + URLEncoder.encode(text, StandardCharsets.UTF_8), token);
			assertThat(answer.statusCode()).as(text).isIn(200, 400);
			assertThat(answer.body()).as(text).doesNotContain(serial);
		}
	}

	@Test
	void aFirearmsTimelineComesWithProofsTheStandaloneVerifierAccepts() throws Exception {
		String holder = fixture.dealer().toString();
		HttpResponse<String> created = api.post("/api/v1/firearms", token, """
				{"type":"PISTOL","make":"Synthetic Arms","model":"P1","calibre":"9x19mm","serial":"%s",
				 "countryOfManufacture":"AUT","year":2021,"holderId":"%s"}""".formatted(RegistryFixture.nextSerial(),
				holder));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String id = Api.json(created).path("id").asString();
		assertThat(created.headers().firstValue("Location")).get().asString().endsWith("/api/v1/firearms/" + id);
		HttpResponse<String> transferred = api.post("/api/v1/firearms/" + id + "/transfers", token,
				"{\"toHolderId\":\"" + fixture.owner() + "\"}");
		assertThat(transferred.statusCode()).as(transferred.body()).isEqualTo(201);
		signHead();

		JsonNode firearm = Api.json(api.get("/api/v1/firearms/" + id, token));
		String verifierKey = Api.json(api.get("/api/v1/ledger/key")).path("verifierKey").asString();
		List<JsonNode> timeline = firearm.path("timeline").valueStream().toList();
		assertThat(timeline).extracting(e -> e.path("type").asString())
			.containsExactly("registry.firearm-manufactured", "registry.firearm-transferred");
		for (JsonNode event : timeline) {
			JsonNode proof = event.path("proof");
			Checkpoint head = Checkpoint.parse(
					NoteVerifier.fromVerifierKey(verifierKey).verify(proof.path("checkpoint").path("note").asString()));
			byte[] entry = Api.json(api.get("/api/v1/ledger/entries/" + event.path("seq").asLong(), token))
				.path("canonicalJson")
				.asString()
				.getBytes(StandardCharsets.UTF_8);
			ProofVerifier.verifyInclusion(event.path("seq").asLong(), head.size(), TreeHasher.leafHash(entry),
					proof.path("proof").valueStream().map(h -> Base64.getDecoder().decode(h.asString())).toList(),
					head.rootHash());
		}
	}

	@Test
	void aRefusedTransferNamesTheFieldAndTheRuleAndARetryIsRecordedOnce() {
		String id = fixture.stolenPistolHeldBy(fixture.owner()).toString();
		String buyer = fixture.owner().toString();

		HttpResponse<String> refused = api.post("/api/v1/firearms/" + id + "/transfers", token,
				"{\"toHolderId\":\"" + buyer + "\"}");
		assertThat(refused.statusCode()).isEqualTo(422);
		JsonNode violation = Api.json(refused).path("violations").get(0);
		assertThat(violation.path("field").asString()).isEqualTo("firearmId");
		assertThat(violation.path("rule").asString()).isEqualTo("StolenFirearmCannotBeTransferred");
		assertThat(violation.path("values").valueStream().map(JsonNode::asString)).containsExactly("STOLEN", "TRANSFER",
				"ACTIVE, DEACTIVATED");
		assertThat(violation.path("message").asString()).isEqualTo(
				"a firearm that is stolen cannot be transferred until it is recovered (allowed when active, deactivated)");

		api.post("/api/v1/firearms/" + id + "/recoveries", token, "{\"authority\":\"Police\"}");
		long size = ledger.size();
		HttpResponse<String> first = postWithKey("/api/v1/firearms/" + id + "/transfers", buyer, "transfer-" + id);
		HttpResponse<String> retry = postWithKey("/api/v1/firearms/" + id + "/transfers", buyer, "transfer-" + id);
		assertThat(first.statusCode()).isEqualTo(201);
		assertThat(retry.statusCode()).isEqualTo(200);
		assertThat(ledger.size()).isEqualTo(size + 1);
	}

	@Test
	void unreadableValuesAreRefusedNamingTheField() {
		HttpResponse<String> bad = api.post("/api/v1/firearms", token,
				"{\"type\":\"BAZOOKA\",\"make\":\"X\",\"serial\":\"1\",\"countryOfManufacture\":\"AUT\"}");
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(Api.json(bad).path("violations").get(0).path("field").asString()).isEqualTo("type");

		HttpResponse<String> missing = api.post("/api/v1/firearms/" + UUID.randomUUID() + "/transfers", token,
				"{\"toHolderId\":\"" + fixture.owner() + "\"}");
		assertThat(missing.statusCode()).isEqualTo(404);
		assertThat(api.post("/api/v1/firearms", null, "{}").statusCode()).isEqualTo(401);
	}

	@Test
	void countriesAndTypesMayBeNamedInTheOfficersLanguage() {
		HttpResponse<String> holder = api.post("/api/v1/holders", token,
				"{\"role\":\"DEALER\",\"name\":\"Armería Ejemplo\",\"country\":\"España\"}");
		assertThat(holder.statusCode()).as(holder.body()).isEqualTo(201);
		assertThat(Api.json(holder).path("country").asString()).isEqualTo("ESP");

		HttpResponse<String> created = api.post("/api/v1/firearms", token, """
				{"type":"fusil de chasse","make":"Verney-Carron","serial":"%s","countryOfManufacture":"Autriche"}"""
			.formatted(RegistryFixture.nextSerial()));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		assertThat(Api.json(created).path("type").asString()).isEqualTo("SHOTGUN");
		assertThat(Api.json(created).path("countryOfManufacture").asString()).isEqualTo("AUT");
		String id = Api.json(created).path("id").asString();

		HttpResponse<String> exported = api.post("/api/v1/firearms/" + id + "/exports", token,
				"{\"toCountry\":\"Suisse\",\"transitCountries\":[\"Deutschland\"]}");
		assertThat(exported.statusCode()).as(exported.body()).isEqualTo(201);
		HttpResponse<String> unknown = api.post("/api/v1/firearms", token,
				"{\"type\":\"PISTOL\",\"make\":\"X\",\"serial\":\"1\",\"countryOfManufacture\":\"Atlantis\"}");
		assertThat(unknown.statusCode()).isEqualTo(422);
		assertThat(Api.json(unknown).path("violations").get(0).path("rule").asString())
			.isEqualTo("CountryIsIso3166Alpha3");
	}

	private HttpResponse<String> postWithKey(String path, String buyer, String key) {
		return api.postWithHeader(path, token, "{\"toHolderId\":\"" + buyer + "\"}", "Idempotency-Key", key);
	}

	private void signHead() {
		HttpResponse<String> verified = api.post("/api/v1/ledger/verify", token, "{}");
		assertThat(verified.statusCode()).isEqualTo(200);
		signer.signNow();
	}

}
