package org.armstrace.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.identity.Role;
import org.armstrace.registry.LegacyImport;
import org.armstrace.tracing.Tracing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code benchmark-trace-api} against this test's own server: a small legacy file
 * imported, its records read back through the trace search with corrupted serials, and a
 * report with a row per kind of damage in which the exact-looking kinds find their
 * records.
 */
@DatabaseTest
class ApiTracingBenchmarkTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	LegacyImport legacyImport;

	@Autowired
	Tracing tracing;

	@Autowired
	ApiTracingBenchmark benchmark;

	@Test
	void readsTheImportedRecordsBackThroughTheApiAndReportsEveryKindOfDamage(@TempDir Path folder) throws Exception {
		// serials of a letter and eight digits no other test writes: far apart, so a
		// single confusion leaves one record that fits best
		String tag = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_999_999));
		StringBuilder csv = new StringBuilder(String.join(",", LegacyImport.COLUMNS)).append('\n');
		for (int i = 0; i < 40; i++) {
			csv.append("BT-%s-%d,Glock,17,pistol,9x19mm,K%s%02d%d,AUT,2015,,active\n".formatted(tag, i, tag, i,
					(i * 7) % 10));
		}
		Path file = folder.resolve("legacy.csv");
		Files.writeString(file, csv);
		LegacyImport.Report imported = legacyImport.importCsv(new StringReader(csv.toString()), new StringWriter(),
				"system:import", n -> {
				});
		assertThat(imported.imported()).isEqualTo(40);
		tracing.catchUp();

		List<String> progress = new ArrayList<>();
		List<String> report = benchmark.run(new ApiTracingBenchmark.Settings(URI.create("http://localhost:" + port),
				testUsers.token(Role.INVESTIGATOR), file, 8, 2, 5, false, true), progress::add);

		assertThat(progress.getFirst()).startsWith("40 records read");
		assertThat(report).hasSize(2 + 8 + 1);
		assertThat(report.get(2)).startsWith("| one reading confusion (any kind) | 8 |");
		assertThat(report.getLast()).startsWith("| **all queries** | 64 |");
		// spacing of the records makes every single confusion answerable and found
		// among the first ten
		assertThat(column(report.get(2), 8)).isEqualTo("1.000");
		// the best any method could do is reported for the kinds the ideal observer
		// models, and only for those, knowing the damage and not
		for (int row : new int[] { 2, 4, 6 }) {
			assertThat(Double.parseDouble(column(report.get(row), 6))).isBetween(0.5, 1.0);
			assertThat(Double.parseDouble(column(report.get(row), 7))).isBetween(0.5, 1.0);
		}
		assertThat(report.get(4)).startsWith("| one transposition |");
		assertThat(report.get(6)).startsWith("| missing leading part |");
		assertThat(report.get(8)).startsWith("| one obliterated character (?) |");
		assertThat(column(report.get(8), 6)).isEmpty();
		assertThat(column(report.get(8), 7)).isEmpty();
	}

	/** The {@code n}-th cell of a table row (1: the first). */
	private static String column(String row, int n) {
		return row.split("\\|")[n].trim();
	}

}
