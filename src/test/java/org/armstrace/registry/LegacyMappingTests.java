package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.armstrace.DatabaseTest;
import org.armstrace.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A legacy register as registers are kept around the world: countries in many languages,
 * historical States, makes by alias and misspelt, calibres in every spelling, types and
 * statuses in English, Spanish and French, dates in local layouts. Every row that
 * identifies a firearm is taken over; what cannot be read is kept as written.
 */
@DatabaseTest
class LegacyMappingTests {

	@Autowired
	LegacyImport legacyImport;

	@Autowired
	RegistryQueries queries;

	@Autowired
	Ledger ledger;

	@Autowired
	JdbcClient jdbc;

	static String worldFile(String p) {
		return """
				legacy_ref,make,model,type,calibre,serial,country_of_manufacture,year,holder_ref,status
				%1$s01,Smith and Wesson,686,revólver,.357 Mag,%1$sW01,Estados Unidos,14/03/1987,,robada
				%1$s02,P. Beretta,92FS,Pistola,9mm Parabellum,%1$sW02,Italie,1990-05-01,,activo
				%1$s03,Walther,PPK,pistolet,7.65mm Browning,%1$sW03,R.F.A.,12.06.1975,,volé
				%1$s04,Crvena Zastava,M70,fusil,7.62 x 39,%1$sW04,Yugoslavia,1984,,decomisado
				%1$s05,CZ,vz. 58,fusil d'assaut,7.62x39mm,%1$sW05,Tchécoslovaquie,19650101,,
				%1$s06,IZH,IZH-27,escopeta,12 ga,%1$sW06,URSS,3-7-1980,,destruida
				%1$s07,Glokc,17,Pistole,9x19,%1$sW07,Österreich,2005,,en service
				%1$s08,FN,FAL,carabine,.308 Win,%1$sW08,Belgique,1970,,saisie
				%1$s09,China North Industries,Type 56,metralleta,7.62x39,%1$sW09,Chine,1982,,perdida
				%1$s10,Ruritanian Arms,X,arquebus,,%1$sW10,Ruritania,circa 1900,,pending
				%1$s11,Mauser,98k,Gewehr,8x57 IS,%1$sW11,Germny,1941,,
				%1$s12,Colt,M1911,PISTOL,.45 ACP,%1$sW12,U.S.A.,1943,,STOLEN
				%1$s13,Colt,M1911,pistol,.45 ACP,%1$sW13,N/A,1944,,?
				""".formatted(p);
	}

	static LegacyImport.Report importing(LegacyImport legacyImport, String csv) throws Exception {
		return legacyImport.importCsv(new StringReader(csv), new StringWriter(), "system:import", n -> {
		});
	}

	@Test
	void everyRowOfAWorldlyRegisterIsTakenOverAndReadAsReferenceData() throws Exception {
		String p = "WLD" + System.nanoTime() % 1_000_000 + "-";
		LegacyImport.Report report = importing(legacyImport, worldFile(p));

		assertThat(report.imported()).isEqualTo(13);
		assertThat(report.rejected()).isZero();
		Map<String, String> expected = Map.ofEntries(Map.entry("01", "USA REVOLVER 1987 STOLEN"),
				Map.entry("02", "ITA PISTOL 1990 ACTIVE"), Map.entry("03", "DEU PISTOL 1975 STOLEN"),
				Map.entry("04", "SRB RIFLE 1984 SEIZED"), Map.entry("05", "CZE RIFLE 1965 ACTIVE"),
				Map.entry("06", "RUS SHOTGUN 1980 DESTROYED"), Map.entry("07", "AUT PISTOL 2005 ACTIVE"),
				Map.entry("08", "BEL CARBINE 1970 SEIZED"), Map.entry("09", "CHN SUBMACHINE_GUN 1982 LOST"),
				Map.entry("10", "XXX OTHER null ACTIVE"), Map.entry("11", "DEU RIFLE 1941 ACTIVE"),
				Map.entry("12", "USA PISTOL 1943 STOLEN"), Map.entry("13", "XXX PISTOL 1944 ACTIVE"));
		expected.forEach((row,
				values) -> assertThat(jdbc
					.sql("SELECT country_of_manufacture || ' ' || type || ' ' || COALESCE(CAST(year_of_manufacture AS "
							+ "VARCHAR(4)), 'null') || ' ' || status FROM firearm WHERE legacy_reference = ?")
					.param(p + row)
					.query(String.class)
					.single()).as(row).isEqualTo(values));
	}

	@Test
	void makesAndCalibresKeepTheirTextAndTheCatalogueSaysWhatTheyStandFor() throws Exception {
		String p = "CAT" + System.nanoTime() % 1_000_000 + "-";
		importing(legacyImport, worldFile(p));

		Map<String, String> makes = Map.of("01", "Smith & Wesson", "02", "Pietro Beretta", "04", "Zastava Arms", "05",
				"Česká zbrojovka", "06", "Kalashnikov Concern", "08", "FN Herstal", "09", "Norinco");
		makes.forEach((row, make) -> assertThat(firearm(p + row).catalogueMake()).as(row).isEqualTo(make));
		Map<String, String> calibres = Map.of("01", ".357 Magnum", "02", "9x19mm", "03", ".32 ACP", "04", "7.62x39mm",
				"06", "12 gauge", "08", ".308 Winchester", "11", "8x57mm IS");
		calibres.forEach((row, calibre) -> assertThat(firearm(p + row).catalogueCalibre()).as(row).isEqualTo(calibre));
		assertThat(firearm(p + "01").make()).isEqualTo("Smith and Wesson");
	}

	@Test
	void whatCannotBeReadIsKeptAsWrittenWithWhatItResembles() throws Exception {
		String p = "KEP" + System.nanoTime() % 1_000_000 + "-";
		LegacyImport.Report report = importing(legacyImport, worldFile(p));

		assertThat(asWritten(p + "10")).containsEntry("type", "arquebus | null | 0")
			.containsEntry("year", "circa 1900 | null | 0")
			.containsEntry("status", "pending | null | 0")
			.hasEntrySatisfying("country_of_manufacture",
					v -> assertThat(v).as("suggested, not read").startsWith("Ruritania | MRT | 7"));
		assertThat(asWritten(p + "11")).as("read as a likely misspelling, for an officer to confirm")
			.hasEntrySatisfying("country_of_manufacture", v -> assertThat(v).startsWith("Germny | DEU | 8"));
		assertThat(asWritten(p + "01")).isEmpty();
		assertThat(firearm(p + "10").asWritten()).extracting(RegistryEvent.AsWritten::field)
			.containsExactly("country_of_manufacture", "status", "type", "year");
		assertThat(asWritten(p + "13")).as("'N/A' is not Namibia")
			.containsEntry("country_of_manufacture", "N/A | null | 0")
			.containsEntry("status", "? | null | 0");
		assertThat(report.values()).isEqualTo(75);
		assertThat(report.valuesRead()).as("all but Ruritania's country, type, status, year and maker, and two n/a")
			.isEqualTo(68);
		assertThat(report.lowConfidence()).as("Glokc, Germny").isEqualTo(2);
	}

	@Test
	void importingTheSameFileAgainAddsNothing() throws Exception {
		String p = "AGN" + System.nanoTime() % 1_000_000 + "-";
		importing(legacyImport, worldFile(p));
		long size = ledger.size();

		LegacyImport.Report again = importing(legacyImport, worldFile(p));

		assertThat(again.imported()).isZero();
		assertThat(again.alreadyImported()).isEqualTo(13);
		assertThat(ledger.size()).isEqualTo(size);
	}

	private RegistryQueries.FirearmView firearm(String legacyRef) {
		return queries
			.firearm(jdbc.sql("SELECT id FROM firearm WHERE legacy_reference = ?")
				.param(legacyRef)
				.query(UUID.class)
				.single())
			.orElseThrow();
	}

	private Map<String, String> asWritten(String legacyRef) {
		Map<String, String> values = new TreeMap<>();
		jdbc.sql("SELECT a.field, a.text, a.read_as, a.confidence FROM firearm_as_written a "
				+ "JOIN firearm f ON f.id = a.firearm_id WHERE f.legacy_reference = ?")
			.param(legacyRef)
			.query((rs, n) -> values.put(rs.getString(1),
					rs.getString(2) + " | " + rs.getString(3) + " | " + rs.getInt(4)))
			.list();
		return values;
	}

}
