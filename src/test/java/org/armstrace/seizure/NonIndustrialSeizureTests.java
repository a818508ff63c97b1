package org.armstrace.seizure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.WebSession;
import org.armstrace.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * Seized items of a non-industrial design (an FGC-9, a converted alarm pistol): recorded
 * with the catalogue entry, shown on the item page, carried by the IAFQ export, counted
 * on the dashboard by month, found by the custody search.
 */
@DatabaseTest
class NonIndustrialSeizureTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Test
	void aSeizureLinkedToA3dPrintedDesignAppearsInTheIafqExport() throws IOException {
		Api api = new Api(port);
		String customs = testUsers.token(Role.CUSTOMS);
		String store = "Printed store " + System.nanoTime();

		HttpResponse<String> created = api.post("/api/v1/seizures", customs, seizureOf("FGC-9", "Autriche", store));

		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		JsonNode seizure = Api.json(created);
		assertThat(seizure.path("country").asString()).as("a country named in French is recorded as its code")
			.isEqualTo("AUT");
		JsonNode item = seizure.path("items").get(0);
		assertThat(item.path("nonIndustrialEntry").asString()).isEqualTo("FGC-9");
		assertThat(item.path("nonIndustrialKind").asString()).isEqualTo("PRINTED_3D");
		assertThat(item.path("nonIndustrialName").asString()).startsWith("FGC-9");

		String analyst = testUsers.token(Role.ANALYST);
		String period = "from=" + LocalDate.now().minusDays(1) + "&to=" + LocalDate.now();
		List<Map<String, String>> rows = csv(api.get("/api/v1/iafq?" + period + "&format=items.csv", analyst).body());
		assertThat(rows).filteredOn(r -> r.get("seizure").equals(seizure.path("reference").asString()))
			.singleElement()
			.satisfies(r -> {
				assertThat(r.get("non_industrial_entry")).isEqualTo("FGC-9");
				assertThat(r.get("non_industrial_name")).startsWith("FGC-9");
				assertThat(r.get("non_industrial_kind")).isEqualTo("PRINTED_3D");
			});
		assertThat(api.get("/api/v1/iafq?" + period + "&format=csv", analyst).body())
			.contains("Firearms by non-industrial kind,non_industrial_kind,PRINTED_3D,")
			.contains("Firearms by non-industrial design,non_industrial_entry,FGC-9,");

		byte[] xlsx = api.getBytes("/api/v1/iafq?" + period, analyst).body();
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			Sheet items = book.getSheet("Items");
			List<String> head = texts(items.getRow(0));
			int entry = head.indexOf("non_industrial_entry");
			int kind = head.indexOf("non_industrial_kind");
			assertThat(entry).isNotNegative();
			List<List<String>> printed = new ArrayList<>();
			for (int r = 1; r <= items.getLastRowNum(); r++) {
				List<String> row = texts(items.getRow(r));
				if (row.size() > entry && "FGC-9".equals(row.get(entry))) {
					printed.add(row);
				}
			}
			assertThat(printed).isNotEmpty().allSatisfy(row -> assertThat(row.get(kind)).isEqualTo("PRINTED_3D"));
			assertThat(book.getSheet("By non-industrial design")).isNotNull();
		}

		JsonNode found = Api.json(api.get("/api/v1/custody/items?entry=FGC-9&location=" + store.replace(" ", "+"),
				testUsers.token(Role.INVESTIGATOR)));
		assertThat(found.valueStream().map(i -> i.path("id").asString()).toList())
			.containsExactly(item.path("id").asString());
		assertThat(Api.json(api.get("/api/v1/custody/items?kind=CONVERTED_ALARM&location=" + store.replace(" ", "+"),
				testUsers.token(Role.INVESTIGATOR))))
			.isEmpty();
	}

	@Test
	void anUnknownDesignOrCountryIsRefusedNamingTheFieldAndTheRule() {
		Api api = new Api(port);

		HttpResponse<String> refused = api.post("/api/v1/seizures", testUsers.token(Role.CUSTOMS),
				seizureOf("NO-SUCH-DESIGN", "Atlantis", "Store 1"));

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).contains("problem+json");
		assertThat(Api.json(refused)
			.path("violations")
			.valueStream()
			.map(v -> v.path("field").asString() + ":" + v.path("rule").asString())
			.toList()).containsExactlyInAnyOrder("items[0].nonIndustrialEntry:NonIndustrialEntryIsKnown",
					"country:CountryIsIso3166Alpha3");
	}

	@Test
	void anOfficerPicksTheDesignOnTheSeizureFormAndSeesItOnTheItemPageAndTheDashboard() {
		WebSession web = WebSession.signIn(port, testUsers.user(Role.CUSTOMS).username());
		String form = web.get("/seizures/new").body();
		assertThat(form).contains("name=\"item0.nonIndustrialEntry\"", "value=\"LIBERATOR\"", "<datalist");

		Map<String, String> fields = new HashMap<>(Map.of("seizedOn", LocalDate.now().toString(), "country", "Austria",
				"placeKind", "RESIDENCE", "agency", "Police", "legalBasis", "ILLICIT_POSSESSION", "criminalContext",
				"NONE_KNOWN", "storageLocation", "Store 3", "item0.kind", "FIREARM", "item0.nonIndustrialEntry",
				"NO-SUCH-DESIGN", "item0.exception", "unmarked printed pistol"));
		HttpResponse<String> refused = web.post("/seizures/new", "/seizures", fields);
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body())
			.contains("no entry &#39;NO-SUCH-DESIGN&#39; in the catalogue of non-industrial firearms");

		fields.put("item0.nonIndustrialEntry", "LIBERATOR");
		HttpResponse<String> recorded = web.post("/seizures/new", "/seizures", fields);
		assertThat(recorded.statusCode()).as(recorded.body()).isEqualTo(302);
		String seizurePage = web.get(WebSession.location(recorded)).body();
		String itemLink = seizurePage.replaceFirst("(?s).*?href=\"(/seized-items/[0-9a-f-]+)\".*", "$1");
		assertThat(web.get(itemLink).body()).contains("id=\"non-industrial-entry\"", "Liberator", "3D-printed");

		String dashboard = web.get("/").body();
		assertThat(dashboard).contains("id=\"designs\"", LocalDate.now().toString().substring(0, 7), "Liberator");
	}

	private static String seizureOf(String design, String country, String store) {
		return """
				{"seizedOn": "%s", "country": "%s", "placeKind": "RESIDENCE", "agency": "Police",
				 "legalBasis": "ILLICIT_POSSESSION", "criminalContext": "ORGANISED_CRIME",
				 "items": [{"kind": "FIREARM", "observed": {"serial": "*", "calibre": "9x19mm"},
				            "nonIndustrialEntry": "%s", "traceException": "unmarked printed carbine",
				            "storageLocation": "%s"}]}
				""".formatted(LocalDate.now(), country, design, store);
	}

	private static List<String> texts(Row row) {
		List<String> texts = new ArrayList<>();
		for (int c = 0; c < row.getLastCellNum(); c++) {
			texts.add(row.getCell(c) == null ? null : row.getCell(c).getStringCellValue());
		}
		return texts;
	}

	private static List<Map<String, String>> csv(String text) {
		String[] lines = text.split("\r?\n");
		List<String> head = List.of(lines[0].split(",", -1));
		List<Map<String, String>> rows = new ArrayList<>();
		for (int i = 1; i < lines.length; i++) {
			String[] cells = lines[i].split(",", -1);
			Map<String, String> row = new HashMap<>();
			for (int c = 0; c < head.size() && c < cells.length; c++) {
				row.put(head.get(c), cells[c]);
			}
			rows.add(row);
		}
		return rows;
	}

}
