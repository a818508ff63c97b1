package org.armstrace.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.ScratchFiles;
import org.armstrace.TestUsers;
import org.armstrace.WebSession;
import org.armstrace.command.CommandResult;
import org.armstrace.identity.Role;
import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.NodeSignatures;
import org.armstrace.ledger.PeerLogs;
import org.armstrace.ledger.merkle.Checkpoint;
import org.armstrace.ledger.merkle.NoteSigner;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmType;
import org.armstrace.registry.HolderCommands;
import org.armstrace.registry.HolderRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import com.sun.net.httpserver.HttpServer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A node (this State: AUT) and a peer (DEU) played by the test with a key of its own: a
 * peer's notice is taken once, and a duplicated, forged, tampered, replayed, misaddressed
 * or malformed message, or one from a stranger, is refused and never applied; a theft
 * goes to the peer through the outbox, waits while the peer is down and arrives once when
 * it is back; a seized firearm on the peer's notice is a hit, and the peer is notified.
 */
@DatabaseTest
@TestPropertySource(properties = { "armstrace.exchange.country=AUT", "armstrace.exchange.deliver-every=1h" })
class ExchangeTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	int port;

	@Autowired
	Exchange exchange;

	@Autowired
	Outbox outbox;

	@Autowired
	TestUsers testUsers;

	@Autowired
	FirearmCommands firearms;

	@Autowired
	NodeSignatures signatures;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Ledger ledger;

	@Autowired
	HolderCommands holders;

	Api api;

	KeyPair peerKey;

	int peerPort;

	HttpServer peer;

	final List<String> delivered = new CopyOnWriteArrayList<>();

	@BeforeEach
	void aPeerThatIsDownForNow() throws Exception {
		api = new Api(port);
		peerKey = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		try (ServerSocket socket = new ServerSocket(0)) {
			peerPort = socket.getLocalPort();
		}
		String verifierKey = new NoteSigner("deu.example/ledger", peerKey.getPrivate(), peerKey.getPublic())
			.verifierKey();
		HttpResponse<String> configured = api.post("/api/v1/exchange/peers", testUsers.token(Role.ADMIN),
				"{\"country\":\"DEU\",\"baseUrl\":\"http://127.0.0.1:" + peerPort + "\",\"verifierKey\":\""
						+ verifierKey + "\"}");
		assertThat(configured.statusCode()).as(configured.body()).isIn(200, 201);
		jdbc.sql("UPDATE exchange_outbox SET delivered_at = ? WHERE delivered_at IS NULL")
			.param(Instant.now().atOffset(ZoneOffset.UTC))
			.update();
	}

	@AfterEach
	void stopThePeer() {
		if (peer != null) {
			peer.stop(0);
		}
	}

	@Test
	void aPeersNoticeIsTakenOnceAndEveryBadMessageIsRefusedAndNeverApplied() throws Exception {
		String reference = "DE-" + UUID.randomUUID().toString().substring(0, 8);
		String serial = "XN" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String notice = seal(message("DEU", "AUT", Instant.now(), reference, serial), peerKey);
		long before = received();

		assertThat(inbox(notice).statusCode()).isEqualTo(202);
		assertThat(notices()).contains(reference);
		HttpResponse<String> again = inbox(notice);
		assertThat(again.statusCode()).as("a duplicate is taken, not applied again").isEqualTo(200);
		assertThat(again.body()).contains("alreadyReceived");

		KeyPair stranger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String[] parts = seal(message("DEU", "AUT", Instant.now(), "DE-TAMPERED", serial), peerKey).split("\\.");
		String otherPayload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(JSON.writeValueAsString(JSON.readTree(Base64.getUrlDecoder().decode(parts[1])))
				.replace(serial, "OTHER1")
				.getBytes(StandardCharsets.UTF_8));
		assertThat(refusal(inbox(seal(message("DEU", "AUT", Instant.now(), "DE-FORGED", serial), stranger))))
			.isEqualTo("401 SignatureVerifies");
		assertThat(refusal(inbox(parts[0] + "." + otherPayload + "." + parts[2]))).isEqualTo("401 SignatureVerifies");
		assertThat(refusal(inbox(seal(message("FRA", "AUT", Instant.now(), "FR-1", serial), stranger))))
			.isEqualTo("403 SenderIsAPeer");
		assertThat(refusal(inbox(seal(message("DEU", "ITA", Instant.now(), "DE-ITA", serial), peerKey))))
			.isEqualTo("422 RecipientIsThisState");
		assertThat(refusal(
				inbox(seal(message("DEU", "AUT", Instant.now().minus(Duration.ofDays(2)), "DE-OLD", serial), peerKey))))
			.isEqualTo("409 MessageIsFresh");
		assertThat(refusal(inbox("not a message"))).isEqualTo("400 MessageIsWellFormed");
		assertThat(refusal(inbox(seal(bodyless("DEU", "AUT"), peerKey)))).isEqualTo("400 MessageIsWellFormed");

		assertThat(notices()).contains(reference)
			.doesNotContain("DE-TAMPERED", "DE-FORGED", "FR-1", "DE-ITA", "DE-OLD", "OTHER1");
		assertThat(received()).as("messages recorded on the ledger as received").isEqualTo(before + 1);
	}

	@Test
	void aTheftWaitsForAPeerThatIsDownAndArrivesOnceWhenItIsBack() throws Exception {
		String serial = "XT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		UUID pistol = ((CommandResult.Accepted) firearms
			.register(
					new FirearmCommands.RegisterFirearm(FirearmType.PISTOL, null, "Glock", "17", "9x19mm", serial,
							"AUT", 2020, List.of(), null, null, false, LocalDate.of(2020, 1, 1)),
					"user:exchange-test", null))
			.subjectId();
		firearms.reportStolen(pistol, new FirearmCommands.ReportMissing(null, "POL-77", null), "user:exchange-test",
				null);

		assertThat(outbox.deliverDue()).as("the peer is down").isZero();
		Outbox.Delivery waiting = outbox.deliveries(10).getFirst();
		assertThat(waiting.recipient()).isEqualTo("DEU");
		assertThat(waiting.attempts()).isEqualTo(1);
		assertThat(waiting.lastError()).isNotBlank();

		peer = HttpServer.create(new InetSocketAddress("127.0.0.1", peerPort), 0);
		peer.createContext(Outbox.INBOX, http -> {
			delivered.add(new String(http.getRequestBody().readAllBytes(), StandardCharsets.US_ASCII));
			http.sendResponseHeaders(202, -1);
			http.close();
		});
		peer.start();
		jdbc.sql("UPDATE exchange_outbox SET next_attempt_at = ? WHERE delivered_at IS NULL")
			.param(Instant.now().minusSeconds(1).atOffset(ZoneOffset.UTC))
			.update();
		assertThat(outbox.deliverDue()).isEqualTo(1);
		assertThat(outbox.deliverDue()).as("nothing is sent twice").isZero();
		assertThat(delivered).hasSize(1);

		Envelope.Message sent = Envelope.open(delivered.getFirst(), JSON,
				(data, signature) -> NodeSignatures.verify(signatures.verifierKey(), data, signature));
		assertThat(sent).as("signed by this node's key").isNotNull();
		assertThat(sent.type()).isEqualTo(MessageType.LOST_STOLEN_NOTICE);
		assertThat(sent.sender()).isEqualTo("AUT");
		assertThat(sent.body().path("serial").asString()).isEqualTo(serial);
		assertThat(sent.body().path("status").asString()).isEqualTo("STOLEN");
	}

	@Test
	void aSeizedFirearmOnAPeersNoticeIsAHitAndThePeerIsNotified() throws Exception {
		String serial = "XH" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		String reference = "DE-" + UUID.randomUUID().toString().substring(0, 8);
		assertThat(inbox(seal(message("DEU", "AUT", Instant.now(), reference, serial), peerKey)).statusCode())
			.isEqualTo(202);
		String token = testUsers.token(Role.INVESTIGATOR);

		JsonNode hit = seize(token, serial.toLowerCase());
		assertThat(step(hit, "INTERNATIONAL_CHECK"))
			.isEqualTo("NEEDS_ATTENTION INTERNATIONAL_HIT [STOLEN, DEU, " + reference + "]");
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM exchange_message WHERE direction = 'OUT' AND peer = 'DEU' "
					+ "AND message_type = 'HIT_NOTIFICATION'")
			.query(Long.class)
			.single()).isEqualTo(1);

		JsonNode none = seize(token, "NOTLISTED" + serial);
		assertThat(step(none, "INTERNATIONAL_CHECK")).isEqualTo("DONE INTERNATIONAL_NO_HIT [1]");
	}

	@Test
	void aPeersTraceRequestWaitsInTheFocalPointsQueueAndIsAnsweredFromItsPage() throws Exception {
		String serial = "XQ" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
		Envelope.Message request = new Envelope.Message(UUID.randomUUID().toString(), MessageType.TRACE_REQUEST, "DEU",
				"AUT", Instant.now(),
				JSON.createObjectNode()
					.put("serial", serial)
					.put("make", "Walther")
					.put("reason", "seized with forged papers")
					.put("urgency", "URGENT")
					.put("circumstances", "found under a car seat")
					.put("contact", "BKA focal point"));
		assertThat(inbox(seal(request, peerKey)).statusCode()).isEqualTo(202);
		JsonNode queued = Api
			.json(api.get("/api/v1/exchange/trace-requests/" + request.id(), testUsers.token(Role.FOCAL_POINT)));
		assertThat(queued.path("request").path("state").asString()).isEqualTo("WAITING");
		assertThat(queued.path("request").path("dueOn").asString()).as("an urgent request is due in three days")
			.isEqualTo(LocalDate.now(ZoneOffset.UTC).plusDays(3).toString());
		assertThat(ledger.entriesAbout("message:" + request.id())).singleElement()
			.satisfies(entry -> assertThat(entry.json()).as("circumstances and contact stay off the ledger")
				.contains(serial)
				.doesNotContain("found under a car seat", "BKA focal point"));

		WebSession focalPoint = WebSession.signIn(port, testUsers.user(Role.FOCAL_POINT).username());
		assertThat(focalPoint.get("/exchange").body()).contains(serial).contains("DEU");
		String page = focalPoint.get("/exchange/trace-requests/" + request.id()).body();
		assertThat(page).contains("found under a car seat").contains("answer-form");

		HttpResponse<String> withoutReason = focalPoint.post("/exchange/trace-requests/" + request.id(),
				"/exchange/trace-requests/" + request.id() + "/answer", Map.of("outcome", "REFUSED"));
		assertThat(withoutReason.body()).contains("refusals").contains("a refusal or a delay says why");
		HttpResponse<String> refused = focalPoint.post("/exchange/trace-requests/" + request.id(),
				"/exchange/trace-requests/" + request.id() + "/answer",
				Map.of("outcome", "REFUSED", "reason", "the record is part of a court case"));
		assertThat(WebSession.location(refused)).endsWith("/exchange/trace-requests/" + request.id());
		assertThat(focalPoint.get("/exchange/trace-requests/" + request.id()).body()).contains("Refused")
			.contains("the record is part of a court case")
			.doesNotContain("answer-form");
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM exchange_message WHERE direction = 'OUT' AND peer = 'DEU' "
					+ "AND message_type = 'TRACE_ANSWER'")
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(api.get("/api/v1/exchange/trace-requests/" + request.id(), testUsers.token(Role.INVESTIGATOR))
			.statusCode()).as("the queue is the focal point's").isEqualTo(403);
	}

	@Test
	void anExportGrantedToAPeerIsNotifiedAndThePeersReceiptConfirmationReconcilesItsConsignment() throws Exception {
		String licensing = testUsers.token(Role.LICENSING);
		UUID exporter = ((CommandResult.Accepted) holders.register(
				new HolderCommands.RegisterHolder(HolderRole.MANUFACTURER, "Synthetic Arms Works", null, "AUT", null),
				"user:exchange-test", null))
			.subjectId();
		String id = Api.json(api.post("/api/v1/transfer-authorisations", licensing, """
				{"kind":"EXPORT","applicantId":"%s","issuingAuthority":"Federal Ministry of the Interior",
				 "placeOfIssue":"Vienna","exportCountry":"AUT","importCountry":"DEU","transitCountries":[],
				 "finalRecipient":"Police Directorate","description":"service equipment",
				 "lines":[{"kind":"PART","partKind":"BARREL","quantity":50}]}""".formatted(exporter)))
			.path("id")
			.asString();
		String step = "/api/v1/transfer-authorisations/" + id;
		api.post(step + "/import-authorisation", licensing, "{\"reference\":\"DE-EINFUHR-1\",\"issuedOn\":\""
				+ LocalDate.now().minusDays(5) + "\",\"verifiedHow\":\"note\"}");
		api.post(step + "/end-user-certificate", licensing, "{\"certificateReference\":\"EUC-1\",\"endUser\":"
				+ "\"Police\",\"endUse\":\"service\",\"signatory\":\"Director\"}");
		api.post(step + "/end-user-certificate/verification", licensing, "{\"verifiedWith\":\"BMI\"}");
		api.post(step + "/risk-assessment", licensing, "{\"overriding\":[]}");
		String number = "EXP-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> granted = api.post(step + "/grant", licensing,
				"{\"number\":\"" + number + "\",\"issuedOn\":\"" + LocalDate.now() + "\",\"validUntil\":\""
						+ LocalDate.now().plusYears(1) + "\"}");
		assertThat(granted.statusCode()).as(granted.body()).isEqualTo(201);

		Envelope.Message notification = sentTo("DEU", MessageType.EXPORT_NOTIFICATION);
		assertThat(notification.body().path("reference").asString()).isEqualTo(number);
		assertThat(notification.body().path("description").asString()).contains("line 1: 50 × PART BARREL");

		HttpResponse<String> shipped = api.post(step + "/consignments", licensing, "{\"reference\":\"C-1\","
				+ "\"shippedOn\":\"" + LocalDate.now() + "\",\"lines\":[{\"lineNo\":1,\"quantity\":20}]}");
		assertThat(shipped.statusCode()).as(shipped.body()).isEqualTo(201);
		Envelope.Message receipt = new Envelope.Message(UUID.randomUUID().toString(), MessageType.RECEIPT_CONFIRMATION,
				"DEU", "AUT", Instant.now(), JSON.readTree("""
						{"exportReference":"%s","consignmentReference":"C-1","receivedOn":"%s",
						 "lines":[{"lineNo":1,"quantity":18}]}""".formatted(number, LocalDate.now())));
		assertThat(inbox(seal(receipt, peerKey)).statusCode()).isEqualTo(202);
		JsonNode consignment = Api.json(api.get(step, licensing)).path("consignments").get(0);
		assertThat(consignment.path("state").asString()).isEqualTo("RECEIVED_SHORT");
		assertThat(consignment.path("confirmedBy").asString()).contains("DEU");
		assertThat(api.get("/api/v1/transfers/alerts", licensing).body()).contains("RECEIVED_SHORT")
			.contains("shipped 20, received 18");
	}

	@Test
	void aPeersExportNotificationIsRecordedAndReceiptsAndInformationGoBackByMessage() throws Exception {
		String reference = "DE-AUSFUHR-" + UUID.randomUUID().toString().substring(0, 8);
		Envelope.Message notification = new Envelope.Message(UUID.randomUUID().toString(),
				MessageType.EXPORT_NOTIFICATION, "DEU", "AUT", Instant.now(),
				JSON.createObjectNode()
					.put("reference", reference)
					.put("issuedOn", LocalDate.now().minusDays(2).toString())
					.put("description", "line 1: 2000 × AMMUNITION .308 Win"));
		assertThat(inbox(seal(notification, peerKey)).statusCode()).isEqualTo(202);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM foreign_export_notice WHERE country = 'DEU' AND reference = ?")
			.param(reference)
			.query(Long.class)
			.single()).as("the import quoting it is not flagged").isEqualTo(1);

		String customs = testUsers.token(Role.CUSTOMS);
		HttpResponse<String> bad = api.post("/api/v1/exchange/receipt-confirmations", customs,
				"{\"exportCountry\":\"ITA\",\"exportReference\":\"" + reference + "\"}");
		assertThat(bad.statusCode()).isEqualTo(422);
		assertThat(bad.body()).contains("RecipientIsAPeer").contains("consignmentReference");
		HttpResponse<String> confirmed = api.post("/api/v1/exchange/receipt-confirmations", customs,
				"{\"exportCountry\":\"DEU\",\"exportReference\":\"" + reference + "\",\"consignmentReference\":"
						+ "\"DE-C-7\",\"receivedOn\":\"" + LocalDate.now() + "\",\"lines\":[{\"lineNo\":1,"
						+ "\"quantity\":2000}]}");
		assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(202);
		Envelope.Message receipt = sentTo("DEU", MessageType.RECEIPT_CONFIRMATION);
		assertThat(receipt.body().path("lines").get(0).path("quantity").asLong()).isEqualTo(2000);

		String focalPoint = testUsers.token(Role.FOCAL_POINT);
		assertThat(api
			.post("/api/v1/exchange/information", focalPoint,
					"{\"recipient\":\"DEU\",\"subject\":\"Route\",\"text\":\"pistols moved by bus\"}")
			.statusCode()).isEqualTo(202);
		assertThat(sentTo("DEU", MessageType.SPONTANEOUS_INFORMATION).body().path("text").asString())
			.isEqualTo("pistols moved by bus");
		Envelope.Message information = new Envelope.Message(UUID.randomUUID().toString(),
				MessageType.SPONTANEOUS_INFORMATION, "DEU", "AUT", Instant.now(),
				JSON.createObjectNode().put("subject", "Broker").put("text", "a broker offers frames by post"));
		assertThat(inbox(seal(information, peerKey)).statusCode()).isEqualTo(202);
		assertThat(api.get("/api/v1/exchange/information", focalPoint).body())
			.contains("a broker offers frames by post")
			.contains("pistols moved by bus");
		assertThat(ledger.entriesAbout("message:" + information.id())).singleElement()
			.satisfies(entry -> assertThat(entry.json()).doesNotContain("a broker offers frames"));
	}

	@Test
	void peersComeFromAFileAndTheAdministratorsPageAndBadOnesAreRefusedNamingTheField() throws Exception {
		KeyPair dutch = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		String verifierKey = new NoteSigner("nld.example/ledger", dutch.getPrivate(), dutch.getPublic()).verifierKey();
		Path file = ScratchFiles.file("peers", ".csv");
		Files.writeString(file,
				"# peers of this node\nNLD, https://nl.example/ , " + verifierKey + "\nXXX,ftp://nowhere,not-a-key\n");
		new PeersFile(exchange, file.toString()).configure();
		assertThat(exchange.peers()).extracting(Exchange.Peer::country).contains("NLD").doesNotContain("XXX");
		assertThat(exchange.peer("NLD").orElseThrow().baseUrl()).isEqualTo("https://nl.example");

		WebSession admin = WebSession.signIn(port, testUsers.user(Role.ADMIN).username());
		HttpResponse<String> refused = admin.post("/exchange", "/exchange/peers",
				Map.of("country", "ZZZ", "baseUrl", "gopher://x", "verifierKey", "x"));
		assertThat(refused.body()).contains("refusals").contains("ZZZ").contains("gopher://x");
		HttpResponse<String> added = admin.post("/exchange", "/exchange/peers",
				Map.of("country", "bel", "baseUrl", "https://be.example", "verifierKey", verifierKey));
		assertThat(WebSession.location(added)).endsWith("/exchange");
		assertThat(admin.get("/exchange").body()).contains("BEL").contains("NLD");
	}

	@Test
	void aPeersLedgerIsCosignedWhileItGrowsAndFlaggedWhenItGoesBackAndItsMessagesAreHeld() throws Exception {
		NoteSigner deu = new NoteSigner("deu.example/ledger", peerKey.getPrivate(), peerKey.getPublic());
		AtomicReference<String> served = new AtomicReference<>(deu
			.sign(new Checkpoint("deu.example/ledger", 1, MessageDigest.getInstance("SHA-256").digest(new byte[] { 0 }))
				.body()));
		List<String> cosignatures = new CopyOnWriteArrayList<>();
		peer = HttpServer.create(new InetSocketAddress("127.0.0.1", peerPort), 0);
		peer.createContext("/api/v1/ledger/checkpoint", http -> {
			byte[] note = served.get().getBytes(StandardCharsets.UTF_8);
			http.sendResponseHeaders(200, note.length);
			http.getResponseBody().write(note);
			http.close();
		});
		peer.createContext(Witness.COSIGNATURES, http -> {
			cosignatures.add(new String(http.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			http.sendResponseHeaders(202, -1);
			http.close();
		});
		peer.start();
		String admin = testUsers.token(Role.ADMIN);

		assertThat(api.post("/api/v1/exchange/witness", admin, "").body()).contains("\"treeSize\":1");
		JsonNode given = JSON.readTree(cosignatures.getFirst());
		assertThat(given.path("witness").asString()).isEqualTo("AUT");
		String body = served.get().substring(0, served.get().indexOf("\n\n") + 1);
		assertThat(PeerLogs.cosignatureVerifies(given.path("cosignature").asString(), signatures.verifierKey(), body))
			.as("a C2SP cosignature by this node's key")
			.isTrue();

		served.set(deu
			.sign(new Checkpoint("deu.example/ledger", 1, MessageDigest.getInstance("SHA-256").digest(new byte[] { 1 }))
				.body()));
		JsonNode flagged = Api.json(api.post("/api/v1/exchange/witness", admin, ""))
			.valueStream()
			.filter(p -> p.path("peer").asString().equals("DEU"))
			.findFirst()
			.orElseThrow();
		assertThat(flagged.path("inconsistent").asString())
			.isEqualTo("another tree of 1 entries than the one accepted");
		HttpResponse<String> held = inbox(seal(message("DEU", "AUT", Instant.now(), "DE-HELD", "HELD1"), peerKey));
		assertThat(refusal(held)).isEqualTo("423 PeerLedgerIsConsistent");
		WebSession officer = WebSession.signIn(port, testUsers.user(Role.ADMIN).username());
		assertThat(officer.get("/").body())
			.containsPattern("id=\"inconsistent-peers\">\\s*<strong class=\"govuk-tag govuk-tag--red\">1</strong>");
		assertThat(officer.get("/exchange").body()).contains("another tree of 1 entries");
	}

	/** The latest message of {@code type} in the outbox to {@code recipient}, opened. */
	private Envelope.Message sentTo(String recipient, MessageType type) throws Exception {
		return jdbc.sql("SELECT envelope FROM exchange_outbox WHERE recipient = ? ORDER BY created_at DESC")
			.param(recipient)
			.query(String.class)
			.list()
			.stream()
			.map(envelope -> {
				try {
					return Envelope.open(envelope, JSON,
							(data, signature) -> NodeSignatures.verify(signatures.verifierKey(), data, signature));
				}
				catch (ParseException e) {
					throw new IllegalStateException(e);
				}
			})
			.filter(m -> m.type() == type)
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + type + " to " + recipient + " in the outbox"));
	}

	private JsonNode seize(String token, String serial) {
		HttpResponse<String> recorded = api.post("/api/v1/seizures", token, """
				{"seizedOn": "%s", "country": "AUT", "placeKind": "RESIDENCE", "agency": "Police",
				 "legalBasis": "ILLICIT_POSSESSION", "criminalContext": "ORGANISED_CRIME",
				 "items": [{"kind": "FIREARM", "observed": {"serial": "%s", "make": "Walther"},
				            "traceException": "held for the owning State", "storageLocation": "Store 1"}]}
				""".formatted(LocalDate.now(), serial));
		assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(201);
		return Api.json(recorded);
	}

	private static String step(JsonNode seizure, String step) {
		JsonNode found = seizure.path("items")
			.get(0)
			.path("protocol")
			.valueStream()
			.filter(s -> s.path("step").asString().equals(step))
			.findFirst()
			.orElseThrow();
		return found.path("state").asString() + " " + found.path("outcome").asString() + " "
				+ found.path("values").valueStream().map(JsonNode::asString).toList();
	}

	private long received() {
		return jdbc.sql("SELECT COUNT(*) FROM exchange_message WHERE direction = 'IN' AND peer = 'DEU'")
			.query(Long.class)
			.single();
	}

	private String notices() {
		return api.get("/api/v1/exchange/notices", testUsers.token(Role.INVESTIGATOR)).body();
	}

	private HttpResponse<String> inbox(String envelope) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + Outbox.INBOX))
				.header("Content-Type", "application/jose")
				.POST(HttpRequest.BodyPublishers.ofString(envelope))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static String refusal(HttpResponse<String> answer) {
		return answer.statusCode() + " " + Api.json(answer).path("violations").get(0).path("rule").asString();
	}

	private static Envelope.Message message(String from, String to, Instant sentAt, String reference, String serial) {
		return new Envelope.Message(UUID.randomUUID().toString(), MessageType.LOST_STOLEN_NOTICE, from, to, sentAt,
				JSON.createObjectNode()
					.put("reference", reference)
					.put("serial", serial)
					.put("make", "Walther")
					.put("model", "P99")
					.put("calibre", "9x19mm")
					.put("status", "STOLEN")
					.put("reportedOn", LocalDate.now().minusDays(3).toString()));
	}

	private static Envelope.Message bodyless(String from, String to) {
		return new Envelope.Message(UUID.randomUUID().toString(), MessageType.HIT_NOTIFICATION, from, to, Instant.now(),
				JSON.createObjectNode());
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
