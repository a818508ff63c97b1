package org.armstrace.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.armstrace.DatabaseTest;
import org.armstrace.registry.LegacyImport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The synthetic file with every column written as registers write it imports as the
 * benchmark expects: at least 99% of rows taken over, at least 95% of values read without
 * an officer.
 */
@DatabaseTest
class SyntheticLegacyCsvTests {

	@Autowired
	LegacyImport legacyImport;

	@Test
	void aFileOfRealisticVariantsIsTakenOverAndReadAlmostWhole(@TempDir Path folder) throws Exception {
		Path file = folder.resolve("variants.csv");
		SyntheticLegacyCsv.write(file, 5_000, 1_000, System.nanoTime(), true);
		String csv = Files.readString(file, StandardCharsets.UTF_8).replace("LEG-", "VAR" + System.nanoTime() + "-");
		Files.writeString(file, csv, StandardCharsets.UTF_8);

		LegacyImport.Report report;
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			report = legacyImport.importCsv(reader, new StringWriter(), "system:import", n -> {
			});
		}

		assertThat(report.rejected()).as("the rows made bad on purpose").isEqualTo(5);
		assertThat(100.0 * report.imported() / report.rows()).isGreaterThanOrEqualTo(99.0);
		assertThat(report.shareRead()).isGreaterThanOrEqualTo(95.0).isLessThan(100.0);
		assertThat(report.lowConfidence()).isPositive();
	}

}
