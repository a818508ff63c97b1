package org.armstrace.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Base64;
import java.util.List;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.identity.ApiTokens;
import org.armstrace.identity.Role;
import org.armstrace.ledger.merkle.Checkpoint;
import org.armstrace.ledger.merkle.NoteVerifier;
import org.armstrace.ledger.merkle.ProofVerifier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * The ledger as a witness or another State sees it over HTTP, and checks it with the
 * standalone verifier.
 */
@DatabaseTest
class LedgerApiTests {

	@LocalServerPort
	int port;

	@Autowired
	Ledger ledger;

	@Autowired
	CheckpointSigner signer;

	@Autowired
	ApiTokens tokens;

	@Autowired
	TestUsers testUsers;

	Api api;

	@BeforeEach
	void setUp() {
		api = new Api(port);
	}

	@Test
	void aWitnessChecksTheSignedHeadAndAnInclusionProofWithoutAToken() throws Exception {
		LedgerEntry entry = ledger.append("user:registrar-1", TestEvents.items(0, 11)).get(6);
		signer.signNow();

		String verifierKey = Api.json(api.get("/api/v1/ledger/key")).path("verifierKey").asString();
		HttpResponse<String> note = api.get("/api/v1/ledger/checkpoint");
		assertThat(note.statusCode()).isEqualTo(200);
		Checkpoint head = Checkpoint.parse(NoteVerifier.fromVerifierKey(verifierKey).verify(note.body()));

		JsonNode proof = Api.json(api.get("/api/v1/ledger/proofs/inclusion?index=" + entry.seq()));
		assertThat(proof.path("treeSize").asLong()).isEqualTo(head.size());
		ProofVerifier.verifyInclusion(entry.seq(), head.size(), entry.leafHash(), hashes(proof), head.rootHash());
	}

	@Test
	void aWitnessChecksThatTheLogGrewWithoutRewritingHistory() throws Exception {
		ledger.append("user:registrar-1", TestEvents.items(100, 5));
		JsonNode older = Api.json(api.get("/api/v1/ledger/heads/" + signer.signNow().treeSize()));
		ledger.append("user:registrar-1", TestEvents.items(105, 9));
		signer.signNow();

		JsonNode proof = Api.json(api.get("/api/v1/ledger/proofs/consistency?from=" + older.path("treeSize").asLong()));
		JsonNode newer = proof.path("head");
		ProofVerifier.verifyConsistency(older.path("treeSize").asLong(), newer.path("treeSize").asLong(), hashes(proof),
				Base64.getDecoder().decode(older.path("rootHash").asString()),
				Base64.getDecoder().decode(newer.path("rootHash").asString()));
	}

	@Test
	void entriesAndVerifyNeedAToken() {
		long seq = ledger.append("user:registrar-1", TestEvents.item(200)).seq();
		signer.signNow();

		HttpResponse<String> anonymous = api.get("/api/v1/ledger/entries/" + seq);
		assertThat(anonymous.statusCode()).isEqualTo(401);
		assertThat(anonymous.headers().firstValue("Content-Type")).get().asString().contains("problem+json");
		assertThat(api.post("/api/v1/ledger/verify", null, "{}").statusCode()).isEqualTo(401);
		assertThat(api.get("/api/v1/ledger/entries/" + seq, "at_not-a-real-token").statusCode()).isEqualTo(401);

		String token = testUsers.token(Role.AUDITOR);
		JsonNode entry = Api.json(api.get("/api/v1/ledger/entries/" + seq, token));
		assertThat(entry.path("type").asString()).isEqualTo("test.item-recorded");
		assertThat(entry.path("canonicalJson").asString()).contains("\"serial\":\"SYN000200\"");
		HttpResponse<String> verified = api.post("/api/v1/ledger/verify", token, "{}");
		assertThat(verified.statusCode()).isEqualTo(200);
		assertThat(Api.json(verified).path("ok").asBoolean()).isTrue();
	}

	@Test
	void aRevokedTokenIsRefused() {
		var auditor = testUsers.user(Role.AUDITOR);
		ApiTokens.IssuedToken issued = tokens.issue(auditor.id(), "soon revoked");
		assertThat(api.post("/api/v1/ledger/verify", issued.token(), "{}").statusCode()).isEqualTo(200);
		tokens.revoke(auditor.id(), issued.id());
		HttpResponse<String> refused = api.post("/api/v1/ledger/verify", issued.token(), "{}");
		assertThat(refused.statusCode()).isEqualTo(401);
		assertThat(Api.json(refused).path("detail").asString()).isEqualTo("unknown or revoked API token");
	}

	@Test
	void badProofRequestsAreAnsweredWithProblemsThatNameTheParameter() {
		ledger.append("user:registrar-1", TestEvents.item(300));
		long size = signer.signNow().treeSize();

		HttpResponse<String> outOfRange = api.get("/api/v1/ledger/proofs/inclusion?index=" + size);
		assertThat(outOfRange.statusCode()).isEqualTo(400);
		assertThat(Api.json(outOfRange).path("detail").asString()).startsWith("index must be between 0 and");

		HttpResponse<String> unsigned = api.get("/api/v1/ledger/proofs/inclusion?index=0&treeSize=" + (size + 1000));
		assertThat(unsigned.statusCode()).isEqualTo(404);
		assertThat(Api.json(unsigned).path("detail").asString()).contains("no signed checkpoint of tree size");

		HttpResponse<String> missing = api.get("/api/v1/ledger/proofs/consistency");
		assertThat(missing.statusCode()).isEqualTo(400);
		assertThat(missing.body()).contains("from");
	}

	@Test
	void healthShowsTheLedgerAndMetricsNeedAToken() {
		ledger.append("user:registrar-1", TestEvents.item(400));
		signer.signNow();

		JsonNode anonymous = Api.json(api.get("/actuator/health"));
		assertThat(anonymous.path("status").asString()).isEqualTo("UP");
		assertThat(anonymous.has("components")).as("anonymous: the status only").isFalse();
		assertThat(Api.json(api.get("/actuator/health", testUsers.token(Role.REGISTRAR))).has("components")).isFalse();

		JsonNode health = Api.json(api.get("/actuator/health", testUsers.token(Role.AUDITOR)));
		assertThat(health.path("status").asString()).isEqualTo("UP");
		assertThat(health.path("components").path("db").path("status").asString()).isEqualTo("UP");
		JsonNode ledgerHealth = health.path("components").path("ledger");
		assertThat(ledgerHealth.path("status").asString()).isEqualTo("UP");
		assertThat(ledgerHealth.path("details").path("size").asLong()).isPositive();
		assertThat(ledgerHealth.path("details").has("latestHeadAgeSeconds")).isTrue();

		assertThat(api.get("/actuator/prometheus").statusCode()).isEqualTo(401);
		String metrics = api.get("/actuator/prometheus", testUsers.token(Role.ADMIN)).body();
		assertThat(metrics).contains("armstrace_ledger_entries_appended_total")
			.contains("armstrace_ledger_checkpoints_signed_total");
	}

	private static List<byte[]> hashes(JsonNode proof) {
		return proof.path("proof").valueStream().map(h -> Base64.getDecoder().decode(h.asString())).toList();
	}

}
