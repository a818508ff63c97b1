package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.identity.Role;
import org.armstrace.ledger.Ledger;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@DatabaseTest
class LegacyImportTests {

	@Autowired
	LegacyImport legacyImport;

	@Autowired
	RegistryFixture fixture;

	@Autowired
	RegistryQueries queries;

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers testUsers;

	@LocalServerPort
	int port;

	@Test
	void everyRowIsImportedOrRejectedWithItsNumberAndReasonsAndASecondRunAddsNothing() throws Exception {
		var holder = fixture.holder(HolderRole.DEALER, "AUT");
		String licence = queries.holder(holder).orElseThrow().licenceReference();
		String p = "IMP" + System.nanoTime() % 1_000_000 + "-";
		String csv = """
				legacy_ref,make,model,type,calibre,serial,country_of_manufacture,year,holder_ref,status
				%1$s1,Glock,17,pistol,9mm Luger,%1$sAA1,AUT,1999,%2$s,active
				%1$s2,S&W,686,Revolver,.357 Magnum,%1$sAA2,USA,1987,,stolen
				%1$s3,Beretta,92,bazooka,9x19mm,%1$sAA3,ITA,1990,,
				%1$s4,Beretta,92,pistol,9x19mm,,Italy,19x0,,
				%1$s5,Walther,PP,pistol,.32 ACP,%1$sAA5,DEU,1960,NO-SUCH-LICENCE,destroyed
				%1$s1,Glock,19,pistol,9mm Luger,%1$sAA9,AUT,2001,,
				%1$s7,Glock,17,pistol,9mm Luger,%1$s-aa-1,AUT,1999,,
				""".formatted(p, licence);
		long before = ledger.size();
		StringWriter rejects = new StringWriter();

		LegacyImport.Report report = legacyImport.importCsv(new StringReader(csv), rejects, "system:import", n -> {
		});

		assertThat(report.rows()).isEqualTo(7);
		assertThat(report.imported()).as("a type no one knows is kept as written, not refused").isEqualTo(3);
		assertThat(report.rejected()).isEqualTo(4);
		assertThat(ledger.size()).as("three firearms and the one value kept as written").isEqualTo(before + 4);
		List<CSVRecord> refused = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(rejects.toString()))
			.getRecords();
		assertThat(refused).extracting(r -> r.get("row_number")).containsExactly("4", "5", "6", "7");
		assertThat(refused.get(0).get("reason")).contains("serial: SerialNumberFormat: serial must be 1 to 60 letters")
			.doesNotContain("country_of_manufacture")
			.doesNotContain("year");
		assertThat(refused.get(1).get("reason"))
			.isEqualTo("holder_ref: HolderMustExist: no holder 'NO-SUCH-LICENCE' on the record");
		assertThat(refused.get(2).get("reason")).startsWith("legacy_ref: LegacyReferenceIsUnique");
		assertThat(refused.get(3).get("reason")).startsWith("serial: MarkingIsUnique");
		assertThat(jdbc.sql("SELECT type FROM firearm WHERE legacy_reference = ?")
			.param(p + "3")
			.query(String.class)
			.single()).isEqualTo("OTHER");
		assertThat(jdbc
			.sql("SELECT text FROM firearm_as_written a JOIN firearm f ON f.id = a.firearm_id "
					+ "WHERE f.legacy_reference = ? AND a.field = 'type'")
			.param(p + "3")
			.query(String.class)
			.single()).isEqualTo("bazooka");

		assertThat(jdbc.sql("SELECT holder_id FROM firearm WHERE legacy_reference = ?")
			.param(p + "1")
			.query(UUID.class)
			.single()).isEqualTo(holder);
		assertThat(jdbc.sql("SELECT status FROM firearm WHERE legacy_reference = ?")
			.param(p + "2")
			.query(String.class)
			.single()).isEqualTo("STOLEN");

		LegacyImport.Report again = legacyImport.importCsv(new StringReader(csv), new StringWriter(), "system:import",
				n -> {
				});
		assertThat(again.imported()).isZero();
		assertThat(again.alreadyImported()).isEqualTo(3);
		assertThat(ledger.size()).isEqualTo(before + 4);
	}

	@Test
	void theRejectsFileShowsWhatWasSentButNoCellAsAFormula() throws Exception {
		String p = "FRM" + System.nanoTime() % 1_000_000 + "-";
		String csv = """
				legacy_ref,make,model,type,calibre,serial,country_of_manufacture,year,holder_ref,status
				%1$s1,"=HYPERLINK(""http://evil.example"",""x"")",@SUM(1),pistol,-2+3,,Austria,1999,,
				%1$s2,Glock,17,pistol,9mm,-17,AUT,1999,NO-SUCH-LICENCE,
				""".formatted(p);
		StringWriter rejects = new StringWriter();

		legacyImport.importCsv(new StringReader(csv), rejects, "system:import", n -> {
		});

		assertThat(rejects.toString()).doesNotContain(",=HYPERLINK").doesNotContain(",@SUM").doesNotContain(",-2+3");
		List<CSVRecord> refused = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(rejects.toString()))
			.getRecords();
		assertThat(refused.get(0).get("make")).isEqualTo("'=HYPERLINK(\"http://evil.example\",\"x\")");
		assertThat(refused.get(0).get("model")).isEqualTo("'@SUM(1)");
		assertThat(refused.get(0).get("calibre")).isEqualTo("'-2+3");
		assertThat(refused.get(1).get("serial")).as("a number is data").isEqualTo("-17");
	}

	@Test
	void aByteOrderMarkAShortRowAndAnUnclosedQuoteCostOnlyTheirOwnRows() throws Exception {
		String p = "BRK" + System.nanoTime() % 1_000_000 + "-";
		String csv = """
				\uFEFFlegacy_ref,make,model,type,calibre,serial,country_of_manufacture,year,holder_ref,status
				%1$s1,Glock,17,pistol,9mm,%1$sK1,AUT,1999,,
				%1$s2,Glock,17,pistol
				%1$s3,"Glock,17,pistol,9mm,%1$sK3,AUT,1999,,
				%1$s4,Glock,17,pistol,9mm,%1$sK4,AUT,1999,,active,surplus
				%1$s5,Glock,17,pistol,9mm,%1$sK5,AUT,1999,,
				""".formatted(p);
		StringWriter rejects = new StringWriter();

		LegacyImport.Report report = legacyImport.importCsv(new StringReader(csv), rejects, "system:import", n -> {
		});

		assertThat(report.rows()).isEqualTo(5);
		assertThat(report.imported()).isEqualTo(2);
		assertThat(report.rejected()).isEqualTo(3);
		List<CSVRecord> refused = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(rejects.toString()))
			.getRecords();
		assertThat(refused).extracting(r -> r.get("row_number")).containsExactly("2", "3", "4");
		assertThat(refused).allSatisfy(r -> assertThat(r.size()).isEqualTo(12));
		assertThat(refused.get(0).get("legacy_ref")).isEqualTo(p + "2");
		assertThat(refused.get(0).get("type")).isEqualTo("pistol");
		assertThat(refused.get(0).get("reason"))
			.isEqualTo("row: RowHasEveryColumn: the row has 4 of the header's 10 columns");
		assertThat(refused.get(1).get("make")).isEqualTo("Glock,17,pistol,9mm," + p + "K3,AUT,1999,,");
		assertThat(refused.get(1).get("reason")).startsWith("row: QuotedFieldIsClosed: ");
		assertThat(refused.get(2).get("reason"))
			.isEqualTo("row: RowHasNoExtraColumn: the row has 11 values, more than the header's 10 columns: surplus");
		assertThat(jdbc.sql("SELECT COUNT(*) FROM firearm WHERE legacy_reference IN (?, ?)")
			.params(p + "1", p + "5")
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void aCorrectedRejectsFileImportsWhatItShows() throws Exception {
		String p = "FIX" + System.nanoTime() % 1_000_000 + "-";
		String csv = """
				legacy_ref,make,model,type,calibre,serial,country_of_manufacture,year,holder_ref,status
				%1$s1,@Arms,17,pistol,9mm,%1$sR1,Austria,1999,NO-SUCH-LICENCE,
				""".formatted(p);
		StringWriter rejects = new StringWriter();
		legacyImport.importCsv(new StringReader(csv), rejects, "system:import", n -> {
		});
		String corrected = rejects.toString().replace("NO-SUCH-LICENCE", "");

		LegacyImport.Report again = legacyImport.importCsv(new StringReader(corrected), new StringWriter(),
				"system:import", n -> {
				});

		assertThat(again.imported()).isEqualTo(1);
		assertThat(jdbc.sql("SELECT make FROM firearm WHERE legacy_reference = ?")
			.param(p + "1")
			.query(String.class)
			.single()).isEqualTo("@Arms");
	}

	@Test
	void aFileLackingRequiredColumnsIsRefusedWhole() {
		var thrown = Assertions.catchThrowable(() -> legacyImport.importCsv(new StringReader("ref,make\n1,Glock\n"),
				new StringWriter(), "system:import", n -> {
				}));
		assertThat(thrown).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("[legacy_ref, type, serial, country_of_manufacture]");
	}

	@Test
	void anUploadReturnsTheReportAndTheRejectsFileCanBeDownloaded() {
		Api api = new Api(port);
		String token = testUsers.token(Role.REGISTRAR);
		String p = "UPL" + System.nanoTime() % 1_000_000 + "-";
		HttpResponse<String> uploaded = api.postText("/api/v1/firearms/imports", token, """
				\uFEFFlegacy_ref,make,model,type,calibre,serial,country_of_manufacture,year,holder_ref,status
				%1$s1,CZ,75,pistol,9x19mm,%1$sB1,CZE,2010,,
				%1$s2,CZ,75,pistol,9x19mm,,XXX,2010,,
				""".formatted(p), "text/csv");
		assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(200);
		var report = Api.json(uploaded);
		assertThat(report.path("imported").asInt()).isEqualTo(1);
		assertThat(report.path("rejected").asInt()).isEqualTo(1);

		HttpResponse<String> rejects = api.get(report.path("rejectsUrl").asString(), token);
		assertThat(rejects.statusCode()).isEqualTo(200);
		assertThat(rejects.body()).contains(p + "2").contains(",2,\"serial: SerialNumberFormat");
	}

}
