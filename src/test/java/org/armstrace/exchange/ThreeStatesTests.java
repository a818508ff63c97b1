package org.armstrace.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import org.armstrace.TestDatabase;
import org.armstrace.ledger.merkle.Ed25519Keys;
import org.armstrace.reliability.Node;
import org.armstrace.reliability.NodeProcesses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Three States' nodes, each a process with its own database, talking over loopback: A
 * (AUT), B (DEU) and C (FRA). B reports a stolen firearm and A, seizing it, sees the hit
 * while B is notified; A asks B to trace a firearm and B answers from its queue; a
 * request sent while B is down arrives once when B is back; messages B's key never
 * signed, or signed once and sent again, are refused; A and C witness B's ledger and
 * cosign it, and when B's ledger is rewritten under the same key both flag B and hold its
 * messages.
 */
@Tag(TestDatabase.TAG)
@ExtendWith(TestDatabase.Availability.class)
@NodeProcesses
class ThreeStatesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final List<Map<String, Object>> databases = new ArrayList<>();

	private final List<Node> nodes = new ArrayList<>();

	@AfterEach
	void stopAndDrop() throws InterruptedException {
		for (Node node : nodes) {
			node.close();
		}
		databases.forEach(TestDatabase::drop);
	}

	@Test
	void threeStatesExchangeNoticesHitsTraceRequestsAndWitnessEachOthersLedgers() throws Exception {
		State a = state("AUT");
		State b = state("DEU");
		State c = state("FRA");
		for (State s : List.of(a, b, c)) {
			s.node.awaitUp();
			s.token = s.node.demoToken();
			s.node.awaitOutput("Demo seizures: ", Duration.ofSeconds(180));
		}
		for (State s : List.of(a, b, c)) {
			for (State peer : List.of(a, b, c)) {
				if (peer != s) {
					trust(s, peer);
				}
			}
		}

		// B reports a firearm stolen; A receives the notice, seizes it, sees the hit, and
		// B is told
		String stolenSerial = "XS" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		JsonNode stolenFirearm = register(b, stolenSerial);
		String stolen = stolenFirearm.path("id").asString();
		assertThat(post(b, "/api/v1/firearms/" + stolen + "/theft-reports", "{\"reportReference\":\"BKA-1\"}")
			.statusCode()).isIn(200, 201);
		String stolenRecord = stolenFirearm.path("recordNumber").asString();
		eventually("A holds B's notice", () -> get(a, "/api/v1/exchange/notices").body().contains(stolenSerial));
		eventually("C holds B's notice", () -> get(c, "/api/v1/exchange/notices").body().contains(stolenSerial));
		HttpResponse<String> seized = post(a, "/api/v1/seizures", """
				{"seizedOn": "%s", "country": "AUT", "placeKind": "RESIDENCE", "agency": "Police",
				 "legalBasis": "ILLICIT_POSSESSION", "criminalContext": "ORGANISED_CRIME",
				 "items": [{"kind": "FIREARM", "observed": {"serial": "%s", "make": "Glock"},
				            "traceException": "held for the owning State", "storageLocation": "Store 1"}]}
				""".formatted(LocalDate.now(), stolenSerial.toLowerCase()));
		assertThat(seized.statusCode()).as(seized.body()).isEqualTo(201);
		assertThat(seized.body()).contains("INTERNATIONAL_HIT").contains(stolenRecord);
		eventually("B received the hit", () -> get(b, "/api/v1/exchange/hits").body().contains(stolenSerial));

		// A asks B to trace a firearm read with one unreadable character; B answers from
		// its queue
		String tracedSerial = "XT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String tracedRecord = register(b, tracedSerial).path("recordNumber").asString();
		String asked = requestTrace(a, "DEU", tracedSerial.substring(0, 4) + "?" + tracedSerial.substring(5));
		eventually("B has A's request in its queue",
				() -> get(b, "/api/v1/exchange/trace-requests?direction=IN").body().contains(asked));
		// until B's index holds the record, other records sharing a few characters may be
		// the only candidates: wait for the view in which the record is among them
		JsonNode[] view = new JsonNode[1];
		eventually("B's engine offers its record (once its index has caught up)", () -> {
			view[0] = json(get(b, "/api/v1/exchange/trace-requests/" + asked));
			return view[0].path("candidates")
				.valueStream()
				.anyMatch(candidate -> candidate.path("recordNumber").asString().equals(tracedRecord));
		});
		JsonNode queued = view[0];
		assertThat(queued.path("request").path("peer").asString()).isEqualTo("AUT");
		assertThat(queued.path("request").path("circumstances").asString()).isEqualTo("found in a car boot");
		assertThat(queued.path("candidates").get(0).path("recordNumber").asString()).isEqualTo(tracedRecord);
		HttpResponse<String> answered = post(b, "/api/v1/exchange/trace-requests/" + asked + "/answer",
				"{\"outcome\":\"FOUND\",\"recordNumber\":\"" + tracedRecord + "\"}");
		assertThat(answered.statusCode()).as(answered.body()).isEqualTo(200);
		eventually("A's request shows B's answer", () -> {
			JsonNode request = json(get(a, "/api/v1/exchange/trace-requests/" + asked)).path("request");
			return request.path("state").asString().equals("ANSWERED")
					&& request.path("answerRecord").asString().contains(tracedSerial);
		});

		// A and C witness B's ledger and cosign it; B serves the cosignatures with its
		// checkpoint
		eventually("B serves its checkpoint with its signature and A's and C's cosignatures", () -> {
			assertThat(accepted(witness(a), "DEU")).as("A accepted B's checkpoint").isPositive();
			assertThat(accepted(witness(c), "DEU")).as("C accepted B's checkpoint").isPositive();
			String cosigned = http
				.send(HttpRequest.newBuilder(URI.create(b.node.base() + "/api/v1/exchange/checkpoint")).build(),
						HttpResponse.BodyHandlers.ofString())
				.body();
			return cosigned.lines().filter(line -> line.startsWith("\u2014 ")).count() == 3;
		});

		// B is down while A sends; it arrives exactly once when B is back
		b.node.stop();
		String whileDown = requestTrace(a, "DEU", "ZZ" + UUID.randomUUID().toString().substring(0, 6).toUpperCase());
		eventually("A tried and failed to deliver",
				() -> json(get(a, "/api/v1/exchange/outbox")).valueStream()
					.anyMatch(d -> d.path("id").asString().equals(whileDown) && d.path("attempts").asInt() > 0
							&& d.path("deliveredAt").isMissingNode()));
		b.node.restart("serve").awaitUp();
		eventually("B received the request once it was back",
				() -> get(b, "/api/v1/exchange/trace-requests?direction=IN").body().contains(whileDown));
		assertThat(count(get(b, "/api/v1/exchange/trace-requests?direction=IN").body(), whileDown)).isEqualTo(1);

		// a duplicate, a replay, a forgery and a tampered message sent to B are each
		// refused
		KeyPair aKey = Ed25519Keys.keyPairFromPem(Files.readString(a.home.resolve("ledger-key.pem")));
		KeyPair stranger = Ed25519Keys.generate();
		Envelope.Message notice = notice("AUT", "DEU", Instant.now(), "AT-" + UUID.randomUUID());
		String sealed = seal(notice, aKey);
		assertThat(inbox(b, sealed).statusCode()).isEqualTo(202);
		assertThat(inbox(b, sealed).body()).as("a duplicate is taken once").contains("alreadyReceived");
		assertThat(inbox(b, seal(notice("AUT", "DEU", Instant.now().minus(Duration.ofDays(3)), "AT-OLD"), aKey))
			.statusCode()).as("a replay of an old message").isEqualTo(409);
		assertThat(inbox(b, seal(notice("AUT", "DEU", Instant.now(), "AT-FORGED"), stranger)).statusCode())
			.as("a forgery")
			.isEqualTo(401);
		String[] parts = seal(notice("AUT", "DEU", Instant.now(), "AT-TAMPERED"), aKey).split("\\.");
		String altered = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
				.replace("AT-TAMPERED", "AT-ALTERED")
				.getBytes(StandardCharsets.UTF_8));
		assertThat(inbox(b, parts[0] + "." + altered + "." + parts[2]).statusCode()).as("a tampered message")
			.isEqualTo(401);
		assertThat(get(b, "/api/v1/exchange/notices").body()).doesNotContain("AT-OLD", "AT-FORGED", "AT-ALTERED",
				"AT-TAMPERED");

		// B's ledger is rewritten under the same key: A and C flag it and hold B's
		// messages
		b.node.stop();
		Map<String, Object> rewritten = database();
		Path rewrittenHome = Path.of(rewritten.get("armstrace.home").toString());
		Files.copy(b.home.resolve("ledger-key.pem"), rewrittenHome.resolve("ledger-key.pem"));
		rewritten.put("armstrace.exchange.country", "DEU");
		Node rewrittenB = new Node(rewritten, "DEU-rewritten");
		nodes.add(rewrittenB);
		rewrittenB.startOnPortOf(b.node, "demo", "--size=5").awaitUp();
		rewrittenB.awaitOutput("Demo seizures: ", Duration.ofSeconds(180));
		eventually("the rewritten ledger is signed",
				() -> http
					.send(HttpRequest.newBuilder(URI.create(rewrittenB.base() + "/api/v1/ledger/checkpoint")).build(),
							HttpResponse.BodyHandlers.ofString())
					.statusCode() == 200);
		for (State witness : List.of(a, c)) {
			JsonNode statuses = JSON.readTree(witness(witness));
			JsonNode deu = statuses.valueStream()
				.filter(s -> s.path("peer").asString().equals("DEU"))
				.findFirst()
				.orElseThrow();
			assertThat(deu.path("inconsistent").asString()).as(witness.country + " flags DEU")
				.containsAnyOf("rolled back", "another tree", "does not extend", "no proof");
		}
		KeyPair bKey = Ed25519Keys.keyPairFromPem(Files.readString(b.home.resolve("ledger-key.pem")));
		HttpResponse<String> held = inbox(a, seal(notice("DEU", "AUT", Instant.now(), "DE-HELD"), bKey));
		assertThat(held.statusCode()).as(held.body()).isEqualTo(423);
		assertThat(held.body()).contains("PeerLedgerIsConsistent");
	}

	private static final class State {

		final String country;

		final Node node;

		final Path home;

		String token;

		State(String country, Node node, Path home) {
			this.country = country;
			this.node = node;
			this.home = home;
		}

	}

	private State state(String country) {
		Map<String, Object> database = database();
		database.put("armstrace.exchange.country", country);
		Node node = new Node(database, country).start("demo", "--size=5");
		nodes.add(node);
		return new State(country, node, Path.of(database.get("armstrace.home").toString()));
	}

	private Map<String, Object> database() {
		Map<String, Object> database = new HashMap<>(TestDatabase.newDatabase());
		if (!TestDatabase.postgresql()) {
			database.keySet().removeIf(key -> key.startsWith("spring.datasource."));
		}
		database.put("armstrace.ledger.checkpoint-every", "1s");
		database.put("armstrace.exchange.deliver-every", "500ms");
		database.put("armstrace.exchange.witness-every", "1h");
		databases.add(database);
		return database;
	}

	private void trust(State s, State peer) throws Exception {
		JsonNode identity = json(
				http.send(HttpRequest.newBuilder(URI.create(peer.node.base() + "/api/v1/exchange/identity")).build(),
						HttpResponse.BodyHandlers.ofString()));
		HttpResponse<String> configured = post(s, "/api/v1/exchange/peers",
				JSON.createObjectNode()
					.put("country", peer.country)
					.put("baseUrl", peer.node.base())
					.put("verifierKey", identity.path("verifierKey").asString())
					.toString());
		assertThat(configured.statusCode()).as(configured.body()).isIn(200, 201);
	}

	private JsonNode register(State s, String serial) throws Exception {
		HttpResponse<String> registered = post(s, "/api/v1/firearms", """
				{"type":"PISTOL","make":"Glock","model":"17","calibre":"9x19mm","serial":"%s",
				 "countryOfManufacture":"AUT","year":2019}""".formatted(serial));
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
		return json(registered);
	}

	private String requestTrace(State s, String recipient, String serial) throws Exception {
		HttpResponse<String> sent = post(s, "/api/v1/exchange/trace-requests", """
				{"recipient":"%s","serial":"%s","make":"Glock","calibre":"9x19mm","firearmType":"PISTOL",
				 "photographSha256":["%s"],"reason":"seized at a border crossing, no licence shown",
				 "urgency":"URGENT","circumstances":"found in a car boot","contact":"Focal point, +43 1 000"}"""
			.formatted(recipient, serial, "ab".repeat(32)));
		assertThat(sent.statusCode()).as(sent.body()).isEqualTo(201);
		JsonNode request = json(sent);
		assertThat(request.path("state").asString()).isEqualTo("WAITING");
		assertThat(request.path("dueOn").asString()).isEqualTo(LocalDate.now().plusDays(3).toString());
		return request.path("id").asString();
	}

	/**
	 * The tree size a witness's statuses say it accepted of {@code peer}'s log (0: none).
	 */
	private static long accepted(String statuses, String peer) {
		return JSON.readTree(statuses)
			.valueStream()
			.filter(st -> st.path("peer").asString().equals(peer))
			.mapToLong(st -> st.path("treeSize").asLong(0))
			.findFirst()
			.orElse(0);
	}

	private String witness(State s) throws Exception {
		HttpResponse<String> statuses = post(s, "/api/v1/exchange/witness", "");
		assertThat(statuses.statusCode()).as(statuses.body()).isEqualTo(200);
		return statuses.body();
	}

	private HttpResponse<String> get(State s, String path) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(s.node.base() + path))
			.header("Authorization", "Bearer " + s.token)
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> post(State s, String path, String body) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(s.node.base() + path))
			.header("Authorization", "Bearer " + s.token)
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpResponse<String> inbox(State s, String envelope) throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(URI.create(s.node.base() + Outbox.INBOX))
			.header("Content-Type", "application/jose")
			.POST(HttpRequest.BodyPublishers.ofString(envelope))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static JsonNode json(HttpResponse<String> response) {
		return JSON.readTree(response.body());
	}

	private static long count(String text, String part) {
		return text.split(part, -1).length - 1;
	}

	private static void eventually(String what, Callable<Boolean> condition) throws Exception {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
		while (!condition.call()) {
			if (System.nanoTime() > deadline) {
				throw new AssertionError("not within 90 s: " + what);
			}
			Thread.sleep(250);
		}
	}

	private static Envelope.Message notice(String from, String to, Instant sentAt, String reference) {
		return new Envelope.Message(UUID.randomUUID().toString(), MessageType.LOST_STOLEN_NOTICE, from, to, sentAt,
				JSON.createObjectNode()
					.put("reference", reference)
					.put("serial", "N" + reference.hashCode())
					.put("make", "Steyr")
					.put("status", "LOST")
					.put("reportedOn", LocalDate.now().toString()));
	}

	private static String seal(Envelope.Message message, KeyPair key) {
		return Envelope.seal(message, JSON, data -> {
			try {
				Signature signature = Signature.getInstance("Ed25519");
				signature.initSign(key.getPrivate());
				signature.update(data);
				return signature.sign();
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException(e);
			}
		});
	}

}
