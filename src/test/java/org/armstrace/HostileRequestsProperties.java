package org.armstrace;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.armstrace.identity.Role;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A fuzz test of the API's commands, as an outside tester runs it: a valid request of
 * each command, one field replaced by a hostile value (huge, empty, of the wrong kind, of
 * other scripts, control characters, extreme numbers, impossible dates); and legacy and
 * catalogue CSV files of hostile rows. Whatever the value, the answer is never a server
 * error, a refusal is a problem, and every row of an import is imported or rejected. A
 * short run (60 tries) in every build, on H2 and on PostgreSQL; a long one with
 * {@code ./mvnw test -Dtest=HostileRequestsProperties -Djqwik.tries.default=20000}.
 */
@Tag(TestDatabase.TAG)
class HostileRequestsProperties {

	/** One command of the API: where it is posted and a valid body to start from. */
	record Operation(String path, String body) {
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static ConfigurableApplicationContext app;

	private static Map<String, Object> database;

	private static Api api;

	private static String token;

	private static final List<Operation> OPERATIONS = new ArrayList<>();

	private static final List<String> LEGACY_HEADER = List.of("legacy_ref", "make", "model", "type", "calibre",
			"serial", "country_of_manufacture", "year", "holder_ref", "status");

	@BeforeContainer
	static void start() {
		if (TestDatabase.postgresql() && !TestDatabase.postgresReachable()
				&& !"true".equalsIgnoreCase(System.getenv("CI"))) {
			System.err.println("\n*** PostgreSQL is not reachable: the fuzz test's PostgreSQL run is SKIPPED ***\n");
			return;
		}
		database = TestDatabase.newDatabase();
		Map<String, Object> properties = new HashMap<>(database);
		properties.put("server.port", "0");
		app = new SpringApplicationBuilder(ArmsTraceApplication.class).properties(properties).run();
		api = new Api(Integer.parseInt(app.getEnvironment().getProperty("local.server.port")));
		token = app.getBean(TestUsers.class).token(Role.ADMIN);
		String holder = created("/api/v1/holders",
				"{\"role\": \"DEALER\", \"name\": \"Synthetic Dealer\", \"country\": \"AUT\", \"licenceReference\": \"L-1\"}");
		String firearm = created("/api/v1/firearms", """
				{"type": "PISTOL", "make": "Glock", "model": "17", "calibre": "9x19mm", "serial": "FZ%d",
				 "countryOfManufacture": "AUT", "year": 2020, "holderId": "%s", "occurredOn": "2020-06-01"}"""
			.formatted(System.nanoTime() % 1_000_000, holder));
		OPERATIONS.addAll(operations(holder, firearm));
	}

	private static List<Operation> operations(String holder, String firearm) {
		String f = "/api/v1/firearms/" + firearm;
		return List.of(new Operation("/api/v1/holders", """
				{"role": "PRIVATE_OWNER", "name": "Synthetic Owner", "address": "1 Example Street", "country": "AUT",
				 "licenceReference": "L-2"}"""), new Operation("/api/v1/firearms", """
				{"type": "RIFLE", "make": "Steyr", "model": "SSG", "calibre": ".308 Win", "serial": "FZ-RIFLE-1",
				 "countryOfManufacture": "AUT", "year": 2010, "markings": [{"kind": "SERIAL", "text": "FZ-RIFLE-1"}],
				 "occurredOn": "2010-01-01"}"""),
				new Operation(f + "/transfers",
						"{\"toHolderId\": \"%s\", \"occurredOn\": \"2021-01-01\"}".formatted(holder)),
				new Operation(f + "/exports",
						"{\"toCountry\": \"DEU\", \"transitCountries\": [\"CZE\"], \"licenceReference\": \"E-1\"}"),
				new Operation(f + "/lost-reports", "{\"reportReference\": \"R-1\", \"occurredOn\": \"2022-01-01\"}"),
				new Operation("/api/v1/ammunition-lots", """
						{"manufacturer": "Synthetic", "calibre": "9x19mm", "lotNumber": "LOT-1", "headstamp": "S",
						 "year": 2020, "holderId": "%s", "quantity": 1000}""".formatted(holder)),
				new Operation("/api/v1/seizures", """
						{"seizedOn": "2026-01-02", "country": "AUT", "region": "Vienna", "locality": "Favoriten",
						 "latitude": 48.1, "longitude": 16.3, "placeKind": "VEHICLE", "agency": "Police",
						 "legalBasis": "ILLICIT_POSSESSION", "criminalContext": "NONE_KNOWN",
						 "persons": [{"name": "Synthetic Suspect", "nationality": "AUT", "role": "SUSPECT"}],
						 "items": [{"kind": "FIREARM", "observed": {"serial": "ZZ1?", "make": "Glock"},
						            "storageLocation": "Store 1"},
						           {"kind": "AMMUNITION", "calibre": "9x19mm", "quantity": 20}]}"""),
				new Operation("/api/v1/trace/search",
						"{\"serial\": \"FZ1*\", \"make\": \"Glock\", \"yearFrom\": 2000}"),
				new Operation("/api/v1/trace-requests", """
						{"observed": {"serial": "AB12?4", "make": "Glock"}, "priority": "ROUTINE",
						 "recoveredOn": "2026-01-01", "recoveredCountry": "AUT", "circumstances": "found"}"""));
	}

	@AfterContainer
	static void stop() {
		if (app != null) {
			app.close();
			TestDatabase.drop(database);
		}
	}

	@Property
	void aHostileValueInAnyFieldOfACommandIsNeverAServerError(@ForAll("operation") Operation operation,
			@ForAll("hostile") Object value, @ForAll @IntRange(min = 0, max = 40) int field) {
		if (app == null) {
			return;
		}
		ObjectNode body = (ObjectNode) JSON.readTree(operation.body());
		List<JsonNode> containers = new ArrayList<>();
		List<String> names = new ArrayList<>();
		leaves(body, containers, names);
		int chosen = field % names.size();
		if (containers.get(chosen) instanceof ObjectNode object) {
			object.set(names.get(chosen), JSON.valueToTree(value));
		}
		else {
			((ArrayNode) containers.get(chosen)).set(Integer.parseInt(names.get(chosen)), JSON.valueToTree(value));
		}

		HttpResponse<String> answer = api.post(operation.path(), token, JSON.writeValueAsString(body));

		assertThat(answer.statusCode()).as("%s %s -> %s", operation.path(), body, answer.body()).isLessThan(500);
		if (answer.statusCode() >= 400) {
			assertThat(answer.headers().firstValue("Content-Type")).as(answer.body())
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		}
	}

	@Property
	void aLegacyFileOfHostileRowsIsImportedRowByRowNeverAServerError(@ForAll("hostileRows") List<List<String>> rows,
			@ForAll boolean catalogue) {
		if (app == null) {
			return;
		}
		List<String> header = catalogue ? List.of("name", "country", "aliases", "models") : LEGACY_HEADER;
		StringBuilder file = new StringBuilder(String.join(",", header)).append('\n');
		for (List<String> row : rows) {
			file.append(String.join(",", row.subList(0, Math.min(row.size(), header.size() + 1)))).append("\r\n");
		}

		HttpResponse<String> answer = api.postText(
				catalogue ? "/api/v1/reference/makes/csv" : "/api/v1/firearms/imports", token, file.toString(),
				"text/csv");

		assertThat(answer.statusCode()).as("%s -> %s", file, answer.body()).isLessThan(500);
		if (answer.statusCode() >= 400) {
			assertThat(answer.headers().firstValue("Content-Type")).as(answer.body())
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		}
		else if (!catalogue) {
			JsonNode report = Api.json(answer);
			assertThat(report.path("imported").asInt() + report.path("alreadyImported").asInt()
					+ report.path("rejected").asInt())
				.as(answer.body())
				.isEqualTo(report.path("rows").asInt());
		}
	}

	@Property
	void aHostileNumberInAProofRequestIsNeverAServerError(@ForAll("proofPaths") String path,
			@ForAll("hostileNumbers") String first, @ForAll("hostileNumbers") String second) {
		if (app == null) {
			return;
		}
		HttpResponse<String> answer = api.get(path.formatted(encode(first), encode(second)), token);

		assertThat(answer.statusCode()).as("%s %s %s -> %s", path, first, second, answer.body()).isLessThan(500);
		if (answer.statusCode() >= 400) {
			assertThat(answer.headers().firstValue("Content-Type")).as(answer.body())
				.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		}
	}

	@Provide
	Arbitrary<String> proofPaths() {
		return Arbitraries.of("/api/v1/ledger/proofs/inclusion?index=%s&treeSize=%s",
				"/api/v1/ledger/proofs/consistency?from=%s&to=%s", "/api/v1/ledger/entries/%s?x=%s",
				"/api/v1/ledger/heads/%s?x=%s");
	}

	@Provide
	Arbitrary<String> hostileNumbers() {
		return Arbitraries.oneOf(Arbitraries.longs().map(String::valueOf),
				Arbitraries.longs().between(-3, 40).map(String::valueOf),
				Arbitraries.of("", "0", "-1", "9223372036854775807", "-9223372036854775808", "9223372036854775808",
						"1e3", "0x10", "NaN", "١٢", " 1", "1 ", "%00", "..", "null"),
				Arbitraries.strings().ofMaxLength(20));
	}

	private static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	/**
	 * Rows of a legacy register: valid values, the spellings registers hold, and hostile
	 * ones, a cell now and then quoted, left open or holding a line break.
	 */
	@Provide
	Arbitrary<List<List<String>>> hostileRows() {
		Arbitrary<String> value = Arbitraries.oneOf(
				Arbitraries.of("Glock", "17", "pistol", "PISTOLA", "9mm Luger", "9x19", "AUT", "Austria", "Autriche",
						"Österreich", "1999", "19x0", "active", "stolen", "destroyed", "", " ", "L-1"),
				Arbitraries.strings().all().ofMaxLength(40),
				Arbitraries.strings().withChars("\u0000\u202e\ufeff\t\r\n'\"=+-@;,").ofMaxLength(12),
				Arbitraries.of("A".repeat(5_000), "АВ123456", "ＡＢ１２３", "١٢٣٤", "=HYPERLINK(\"x\")", "\"open",
						"\"closed, with comma\"", "\"two\nlines\""));
		return value.list().ofMinSize(1).ofMaxSize(12).list().ofMinSize(1).ofMaxSize(5);
	}

	@Provide
	Arbitrary<Operation> operation() {
		return Arbitraries.of(OPERATIONS.isEmpty() ? List.of(new Operation("/", "{}")) : OPERATIONS);
	}

	@Provide
	Arbitrary<Object> hostile() {
		return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(300).map(Object.class::cast),
				Arbitraries.strings()
					.withChars("\u0000\u202e\ufeff\t\r\n'\"<>&=+-@;*?%\\/")
					.ofMaxLength(50)
					.map(Object.class::cast),
				Arbitraries
					.of("", " ", "A".repeat(10_000), "АВ123456", "ＡＢ１２３", "١٢٣٤", "💥🔫", "NaN", "Infinity",
							"0000-01-01", "2999-12-31", "2026-02-30", "99999-01-01", "-1", "1e309", "null", "true",
							"../../etc/passwd", "<script>alert(1)</script>", "=HYPERLINK(\"x\")", "' OR 1=1 --")
					.map(Object.class::cast),
				Arbitraries.longs().map(Object.class::cast),
				Arbitraries.of(Long.MAX_VALUE, Long.MIN_VALUE, Integer.MAX_VALUE, -1, 0, 1e308, -0.0)
					.map(Object.class::cast),
				Arbitraries.of(true, false).map(Object.class::cast),
				Arbitraries.of(List.of(), List.of("x", 1), Map.of("a", Map.of("b", List.of())), Map.of())
					.map(Object.class::cast),
				Arbitraries.just(null));
	}

	/**
	 * Every leaf of a JSON tree (values, not objects), as its container and its name or
	 * index.
	 */
	private static void leaves(JsonNode node, List<JsonNode> containers, List<String> names) {
		if (node instanceof ObjectNode object) {
			for (String name : object.propertyNames()) {
				containers.add(object);
				names.add(name);
				JsonNode child = object.get(name);
				if (child.isContainer()) {
					leaves(child, containers, names);
				}
			}
		}
		else if (node instanceof ArrayNode array) {
			for (int i = 0; i < array.size(); i++) {
				containers.add(array);
				names.add(Integer.toString(i));
				if (array.get(i).isContainer()) {
					leaves(array.get(i), containers, names);
				}
			}
		}
	}

	private static String created(String path, String body) {
		HttpResponse<String> answer = api.post(path, token, body);
		assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
		return Api.json(answer).path("id").asString();
	}

}
