package org.armstrace.seizure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Row;
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
 * What an analyst reads, as docs/roles.md and docs/iafq.md say: the IAFQ item list names
 * a matched item's record number, and the record itself stays closed to the analyst.
 */
@DatabaseTest
class AnalystTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Test
	void anAnalystReadsTheRecordNumberOfAMatchedItemButNotTheRecord() throws Exception {
		Api api = new Api(port);
		JsonNode firearm = registeredFirearm(api);
		String recordNumber = firearm.path("recordNumber").asString();
		seizeMatched(api, firearm.path("id").asString(), firearm.path("serial").asString());
		String analyst = testUsers.token(Role.ANALYST);
		String period = "from=" + LocalDate.now().minusDays(2) + "&to=" + LocalDate.now();

		HttpResponse<String> items = api.get("/api/v1/iafq?" + period + "&format=items.csv", analyst);
		assertThat(items.statusCode()).isEqualTo(200);
		List<CSVRecord> rows = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(items.body()))
			.getRecords();
		assertThat(rows).extracting(r -> r.get("record_number")).contains(recordNumber);
		assertThat(workbookRecordNumbers(period, analyst)).contains(recordNumber);

		assertThat(api.get("/api/v1/firearms/" + firearm.path("id").asString(), analyst).statusCode()).isEqualTo(403);
		assertThat(api.get("/api/v1/firearms?recordNumber=" + recordNumber, analyst).statusCode()).isEqualTo(403);
		WebSession web = WebSession.signIn(port, testUsers.user(Role.ANALYST).username());
		assertThat(web.get("/firearms/" + firearm.path("id").asString()).statusCode()).isEqualTo(403);
		assertThat(web.get("/").body()).as("no search in the analyst's navigation")
			.doesNotContain("href=\"/firearms\"")
			.contains("href=\"/iafq\"");
	}

	private List<String> workbookRecordNumbers(String period, String token) throws IOException, InterruptedException {
		HttpResponse<byte[]> xlsx = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/iafq?" + period))
				.header("Authorization", "Bearer " + token)
				.build(), HttpResponse.BodyHandlers.ofByteArray());
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
			int column = IafqExport.ITEM_COLUMNS.indexOf("record_number");
			List<String> numbers = new ArrayList<>();
			for (Row row : book.getSheet("Items")) {
				if (row.getCell(column) != null) {
					numbers.add(row.getCell(column).getStringCellValue());
				}
			}
			return numbers;
		}
	}

	private JsonNode registeredFirearm(Api api) {
		HttpResponse<String> created = api.post("/api/v1/firearms", testUsers.token(Role.REGISTRAR), """
				{"type": "PISTOL", "make": "Synthetic Arms", "model": "P9", "calibre": "9x19mm",
				 "serial": "ANL%s", "countryOfManufacture": "AUT", "year": 2019}
				""".formatted(UUID.randomUUID().toString().substring(0, 8)));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Api.json(created);
	}

	private void seizeMatched(Api api, String firearmId, String serial) {
		HttpResponse<String> seized = api.post("/api/v1/seizures", testUsers.token(Role.INVESTIGATOR), """
				{"seizedOn": "%s", "country": "AUT", "placeKind": "VEHICLE", "agency": "Police",
				 "legalBasis": "ILLICIT_POSSESSION", "criminalContext": "NONE_KNOWN",
				 "items": [{"kind": "FIREARM", "firearmId": "%s", "observed": {"serial": "%s"},
				            "storageLocation": "Analyst test store"}]}
				""".formatted(LocalDate.now().minusDays(1), firearmId, serial));
		assertThat(seized.statusCode()).as(seized.body()).isEqualTo(201);
	}

}
