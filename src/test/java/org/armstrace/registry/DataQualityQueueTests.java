package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.WebSession;
import org.armstrace.identity.Role;
import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.LedgerVerification;
import org.armstrace.reference.Catalogue;
import org.armstrace.tracing.Candidate;
import org.armstrace.tracing.ObservedMarkings;
import org.armstrace.tracing.Reason;
import org.armstrace.tracing.Tracing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Values a legacy register wrote that ArmsTrace cannot read wait in the data-quality
 * queue until an officer approves a reading, which then holds for every record with that
 * value, on the ledger, and for later imports.
 */
@DatabaseTest
class DataQualityQueueTests {

	@Autowired
	LegacyImport legacyImport;

	@Autowired
	DataQualityQueue queue;

	@Autowired
	Catalogue catalogue;

	@Autowired
	Ledger ledger;

	@Autowired
	LedgerVerification verification;

	@Autowired
	RegistryQueries queries;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tracing tracing;

	@Autowired
	TestUsers testUsers;

	@LocalServerPort
	int port;

	static String colonialRegister(String p) {
		return """
				legacy_ref,make,model,type,calibre,serial,country_of_manufacture,year,holder_ref,status
				%1$s1,Beretta,M12,subfusil,9x19mm,%1$sC1,Rhodesia,1968,,en reparación
				%1$s2,Berreta,1934,pistola,.380 ACP,%1$sC2,Rhodesia,1969,,
				%1$s3,Webley,Mk VI,trabuco,.455 Webley,%1$sC3,Tanganyika,1915,,
				""".formatted(p);
	}

	@Test
	void unreadValuesWaitWithTheirCountsSamplesAndWhatTheyResemble() throws Exception {
		String p = "QUE" + System.nanoTime() % 1_000_000 + "-";
		LegacyMappingTests.importing(legacyImport, colonialRegister(p));

		DataQualityQueue.Queue waiting = queue.queue(1_000);

		assertThat(waiting.values()).filteredOn(v -> v.text().equals("Rhodesia")).singleElement().satisfies(v -> {
			assertThat(v.field()).isEqualTo("country_of_manufacture");
			assertThat(v.records()).isGreaterThanOrEqualTo(2);
			assertThat(v.samples()).hasSizeGreaterThanOrEqualTo(2).allMatch(s -> s.startsWith("FA-"));
		});
		assertThat(waiting.values()).extracting(DataQualityQueue.QueuedValue::text)
			.contains("Tanganyika", "trabuco", "en reparación", "Berreta", ".455 Webley");
		assertThat(waiting.values()).filteredOn(v -> v.text().equals("Berreta"))
			.singleElement()
			.satisfies(v -> assertThat(v.suggestion()).isEqualTo("Pietro Beretta"));
		assertThat(waiting.shares()).extracting(DataQualityQueue.FieldShare::field)
			.containsExactly("make", "calibre", "type", "country_of_manufacture", "year", "status", "category");
		assertThat(waiting.shares()).allSatisfy(s -> assertThat(s.share()).isBetween(0.0, 100.0))
			.anySatisfy(s -> assertThat(s.share()).isLessThan(100.0));
	}

	@Test
	void anApprovedReadingUpdatesEveryRecordOnTheLedgerAndLaterImportsReadItSo() throws Exception {
		String p = "APR" + System.nanoTime() % 1_000_000 + "-";
		LegacyMappingTests.importing(legacyImport, colonialRegister(p));
		Api api = new Api(port);
		String registrar = testUsers.token(Role.REGISTRAR);
		long before = ledger.size();
		long holding = jdbc.sql("SELECT COUNT(*) FROM firearm_as_written WHERE text = 'Rhodesia'")
			.query(Long.class)
			.single();

		HttpResponse<String> approved = api.post("/api/v1/registry/data-quality/readings", registrar,
				"{\"field\": \"country_of_manufacture\", \"text\": \"Rhodesia\", \"value\": \"Zimbabwe\"}");

		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
		assertThat(Api.json(approved).path("records").asLong()).isEqualTo(holding);
		assertThat(ledger.size()).isEqualTo(before + holding);
		assertThat(country(p + "1")).isEqualTo("ZWE");
		assertThat(country(p + "2")).isEqualTo("ZWE");
		assertThat(queue.queue(1_000).values()).noneMatch(v -> v.text().equals("Rhodesia"));
		assertThat(queries.timeline(firearm(p + "1").toString())).extracting(RegistryQueries.TimelineEvent::type)
			.containsExactly("registry.legacy-firearm-imported", "registry.legacy-values-kept-as-written",
					"registry.legacy-value-standardised");
		assertThat(verification.verify(null).ok()).isTrue();

		String q = "AP2" + System.nanoTime() % 1_000_000 + "-";
		LegacyMappingTests.importing(legacyImport, colonialRegister(q));
		assertThat(country(q + "1")).as("read as approved").isEqualTo("ZWE");
		assertThat(country(q + "3")).as("not approved yet").isEqualTo("XXX");
	}

	@Test
	void aTraceFindsARecordByWhatAnApprovedReadingMadeOfIt() throws Exception {
		String p = "IDX" + System.nanoTime() % 1_000_000 + "-";
		LegacyMappingTests.importing(legacyImport, """
				legacy_ref,make,model,type,calibre,serial,country_of_manufacture,year,holder_ref,status
				%1$s3,Webley,Mk VI,blunderbuss,.455 Webley,%1$sC3,Territory of Tanganyika,1915,,
				""".formatted(p));
		tracing.catchUp();
		ObservedMarkings seen = new ObservedMarkings(p + "C3", "Webley", null, null, "SHOTGUN", "Tanzania", null, null,
				null);
		assertThat(top(seen).countryOfManufacture()).as("kept as written, unknown").isEqualTo("XXX");
		assertThat(top(seen).explanation()).noneMatch(agrees("COUNTRY_OF_MANUFACTURE"));
		Api api = new Api(port);
		String registrar = testUsers.token(Role.REGISTRAR);

		assertThat(api
			.post("/api/v1/registry/data-quality/readings", registrar,
					"{\"field\": \"country_of_manufacture\", \"text\": \"Territory of Tanganyika\", "
							+ "\"value\": \"Tanzania\"}")
			.statusCode()).isEqualTo(201);
		assertThat(api
			.post("/api/v1/registry/data-quality/readings", registrar,
					"{\"field\": \"type\", \"text\": \"blunderbuss\", \"value\": \"SHOTGUN\"}")
			.statusCode()).isEqualTo(201);
		tracing.catchUp();

		Candidate found = top(seen);
		assertThat(found.recordNumber()).isEqualTo(queries.firearm(firearm(p + "3")).orElseThrow().recordNumber());
		assertThat(found.countryOfManufacture()).isEqualTo("TZA");
		assertThat(found.type()).isEqualTo("SHOTGUN");
		assertThat(found.explanation()).anyMatch(agrees("COUNTRY_OF_MANUFACTURE")).anyMatch(agrees("TYPE"));
	}

	private Candidate top(ObservedMarkings seen) {
		return tracing.match(seen, 5).candidates().getFirst();
	}

	private static Predicate<Reason> agrees(String attribute) {
		return r -> r.code() == Reason.Code.ATTRIBUTE_AGREES && r.values().contains(attribute);
	}

	@Test
	void anApprovedMakeBecomesACatalogueAlias() throws Exception {
		String p = "ALI" + System.nanoTime() % 1_000_000 + "-";
		LegacyMappingTests.importing(legacyImport, colonialRegister(p));
		Api api = new Api(port);

		HttpResponse<String> approved = api.post("/api/v1/registry/data-quality/readings", testUsers.token(Role.ADMIN),
				"{\"field\": \"make\", \"text\": \"Berreta\", \"value\": \"Beretta\"}");

		assertThat(approved.statusCode()).as(approved.body()).isEqualTo(201);
		assertThat(catalogue.canonical(Catalogue.Kind.MAKE, "Berreta")).contains("Pietro Beretta");
		assertThat(queries.firearm(firearm(p + "2")).orElseThrow().catalogueMake()).isEqualTo("Pietro Beretta");
		assertThat(queries.firearm(firearm(p + "2")).orElseThrow().make()).as("the text stays as written")
			.isEqualTo("Berreta");
		assertThat(queue.queue(1_000).values()).noneMatch(v -> v.text().equals("Berreta"));
	}

	@Test
	void aReadingIsRefusedNamingTheFieldAndRule() throws Exception {
		String p = "REF" + System.nanoTime() % 1_000_000 + "-";
		LegacyMappingTests.importing(legacyImport, colonialRegister(p));
		Api api = new Api(port);
		String registrar = testUsers.token(Role.REGISTRAR);

		assertThat(refusal(api.post("/api/v1/registry/data-quality/readings", registrar,
				"{\"field\": \"colour\", \"text\": \"Tanganyika\", \"value\": \"TZA\"}")))
			.isEqualTo(List.of("field", "LegacyFieldIsKnown"));
		assertThat(refusal(api.post("/api/v1/registry/data-quality/readings", registrar,
				"{\"field\": \"country_of_manufacture\", \"text\": \"Tanganyika\", \"value\": \"Atlantis\"}")))
			.isEqualTo(List.of("value", "ReadingIsKnownValue"));
		assertThat(refusal(api.post("/api/v1/registry/data-quality/readings", registrar,
				"{\"field\": \"type\", \"text\": \"arquebuse à rouet\", \"value\": \"rifle\"}")))
			.isEqualTo(List.of("text", "TextIsOnTheRecord"));
		assertThat(refusal(api.post("/api/v1/registry/data-quality/readings", registrar,
				"{\"field\": \"make\", \"text\": \"S&W\", \"value\": \"Colt\"}")))
			.isEqualTo(List.of("text", "TextStandsForOneValue"));
		assertThat(api
			.post("/api/v1/registry/data-quality/readings", testUsers.token(Role.ANALYST),
					"{\"field\": \"type\", \"text\": \"trabuco\", \"value\": \"shotgun\"}")
			.statusCode()).isEqualTo(403);
		assertThat(api.get("/api/v1/registry/data-quality/queue?limit=5", testUsers.token(Role.ANALYST)).statusCode())
			.isEqualTo(200);
	}

	@Test
	void hostileRequestsAreRefusedNamingTheFieldNeverWith500() {
		Api api = new Api(port);
		String registrar = testUsers.token(Role.REGISTRAR);

		assertThat(refusal(api.post("/api/v1/registry/data-quality/readings", registrar,
				"{\"field\": \"type\", \"text\": \"%s\", \"value\": \"rifle\"}".formatted("x".repeat(10_000)))))
			.isEqualTo(List.of("text", "FieldIsTooLong"));
		assertThat(refusal(api.post("/api/v1/registry/data-quality/readings", registrar, "{}")))
			.isEqualTo(List.of("field", "FieldIsRequired"));
		assertThat(api.post("/api/v1/registry/data-quality/readings", registrar, "{\"field\": [1, 2]}").statusCode())
			.isEqualTo(400);
		assertThat(api.get("/api/v1/registry/data-quality/queue?limit=many", registrar).statusCode()).isEqualTo(400);
		assertThat(api.get("/api/v1/registry/data-quality/queue?limit=-7", registrar).statusCode()).isEqualTo(200);
		assertThat(api
			.post("/api/v1/reference/non-industrial", testUsers.token(Role.ADMIN),
					"{\"code\": \"X1\", \"kind\": \"BAZOOKA\", \"name\": \"x\"}")
			.statusCode()).isEqualTo(400);
		assertThat(api
			.post("/api/v1/reference/non-industrial", testUsers.token(Role.ADMIN),
					"{\"code\": \"X1\", \"kind\": \"FLOBERT\", \"name\": \"%s\"}".formatted("n".repeat(300)))
			.statusCode()).as("over its bound").isEqualTo(422);
	}

	@Test
	void theQueuePageListsTheValuesAndApprovesAReading() throws Exception {
		String p = "PAG" + System.nanoTime() % 1_000_000 + "-";
		LegacyMappingTests.importing(legacyImport, colonialRegister(p));
		WebSession analyst = WebSession.signIn(port, testUsers.user(Role.ANALYST).username());
		WebSession registrar = WebSession.signIn(port, testUsers.user(Role.REGISTRAR).username());

		HttpResponse<String> page = analyst.get("/data-quality");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains("id=\"shares\"").contains("Tanganyika").contains("trabuco");

		HttpResponse<String> record = registrar.get("/firearms/" + firearm(p + "3"));
		assertThat(record.statusCode()).isEqualTo(200);
		assertThat(record.body()).contains("id=\"as-written\"").contains("«trabuco»").contains("«Tanganyika»");

		HttpResponse<String> approved = registrar.post("/data-quality", "/data-quality/readings",
				Map.of("field", "type", "text", "trabuco", "value", "escopeta"));
		assertThat(approved.statusCode()).isEqualTo(200);
		assertThat(approved.body()).contains("id=\"approved\"");
		assertThat(jdbc.sql("SELECT type FROM firearm WHERE legacy_reference = ?")
			.param(p + "3")
			.query(String.class)
			.single()).isEqualTo("SHOTGUN");
		HttpResponse<String> refused = registrar.post("/data-quality", "/data-quality/readings",
				Map.of("field", "type", "text", "Tanganyika", "value", "bazooka"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"refusals\"");
	}

	private static List<String> refusal(HttpResponse<String> answer) {
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(422);
		var violation = Api.json(answer).path("violations").path(0);
		return List.of(violation.path("field").asString(), violation.path("rule").asString());
	}

	@Test
	void aCategoryColumnClassifiesWhatTheClassificationKnowsAndTheRestCountsAsUnclassified() throws Exception {
		String p = "CAT" + System.nanoTime() % 1_000_000 + "-";
		LegacyMappingTests.importing(legacyImport, """
				legacy_ref,make,model,type,calibre,serial,country_of_manufacture,year,holder_ref,status,category
				%1$s1,Glock,17,pistol,9x19mm,%1$sK1,AUT,2010,,,B
				%1$s2,Steyr,SSG,rifle,7.62x51mm,%1$sK2,AUT,2011,,,Category C
				%1$s3,Glock,19,pistol,9x19mm,%1$sK3,AUT,2012,,,Z9
				%1$s4,Glock,26,pistol,9x19mm,%1$sK4,AUT,2013,,,
				""".formatted(p));

		assertThat(category(p + "1")).isEqualTo("B");
		assertThat(category(p + "2")).isEqualTo("C");
		assertThat(category(p + "3")).as("not a category of the classification").isEqualTo("UNCLASSIFIED");
		assertThat(category(p + "4")).isEqualTo("UNCLASSIFIED");
		long firearms = jdbc.sql("SELECT COUNT(*) FROM firearm").query(Long.class).single();
		long classified = jdbc.sql("SELECT COUNT(*) FROM firearm WHERE category <> 'UNCLASSIFIED'")
			.query(Long.class)
			.single();
		DataQualityQueue.FieldShare share = queue.queue(10)
			.shares()
			.stream()
			.filter(s -> s.field().equals("category"))
			.findFirst()
			.orElseThrow();
		assertThat(share.records()).isEqualTo(firearms);
		assertThat(share.standardised()).isEqualTo(classified);
		assertThat(queries.firearm(firearm(p + "1")).orElseThrow().timeline())
			.extracting(RegistryQueries.TimelineEvent::type)
			.contains("registry.firearm-classified");
		assertThat(verification.verify(null).ok()).isTrue();
	}

	private String category(String legacyRef) {
		return jdbc.sql("SELECT category FROM firearm WHERE legacy_reference = ?")
			.param(legacyRef)
			.query(String.class)
			.single();
	}

	private UUID firearm(String legacyRef) {
		return jdbc.sql("SELECT id FROM firearm WHERE legacy_reference = ?")
			.param(legacyRef)
			.query(UUID.class)
			.single();
	}

	private String country(String legacyRef) {
		return jdbc.sql("SELECT country_of_manufacture FROM firearm WHERE legacy_reference = ?")
			.param(legacyRef)
			.query(String.class)
			.single();
	}

}
