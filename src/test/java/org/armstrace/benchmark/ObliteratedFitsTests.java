package org.armstrace.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whether ten or more records fit an obliterated reading is found by looking up every way
 * of filling its obliterated characters; it counts what a walk of every record counts.
 */
class ObliteratedFitsTests {

	@Test
	void countsWhatAWalkOfEveryRecordCounts(@TempDir Path folder) throws Exception {
		SplittableRandom random = new SplittableRandom(14);
		String[] makes = { "Glock", "CZ", "Steyr" };
		StringBuilder csv = new StringBuilder("legacy_ref,make,model,type,calibre,serial,year\n");
		for (int i = 0; i < 3_000; i++) {
			// short serials of few characters (letters folded into digits too, and one
			// beyond ASCII) so that many fit a pattern, of several lengths and makes
			StringBuilder serial = new StringBuilder();
			for (int k = 0, length = 4 + random.nextInt(3); k < length; k++) {
				serial.append("0O1I5S7AÄ".charAt(random.nextInt(9)));
			}
			csv.append("R-%d,%s,,,,%s,2001\n".formatted(i, makes[random.nextInt(3)], serial));
		}
		Path file = folder.resolve("legacy.csv");
		Files.writeString(file, csv);
		ApiTracingBenchmark.Registry registry = ApiTracingBenchmark.read(file);
		int tenOrMore = 0;
		for (int q = 0; q < 1_000; q++) {
			int row = random.nextInt(registry.folded().length);
			char[] pattern = registry.folded()[row].toCharArray();
			for (int k = 0, obliterated = 1 + random.nextInt(4); k < obliterated; k++) {
				pattern[random.nextInt(pattern.length)] = '?';
			}
			String of = registry.make()[random.nextInt(3) == 0 ? random.nextInt(3_000) : row];
			String fits = new String(pattern);
			assertThat(registry.fitting(fits, of, Integer.MAX_VALUE)).as("%s of %s", fits, of)
				.isEqualTo(registry.walked(fits, of, Integer.MAX_VALUE));
			assertThat(registry.fitting(fits, of, 10)).isEqualTo(registry.walked(fits, of, 10));
			tenOrMore += registry.fitting(fits, of, 10) >= 10 ? 1 : 0;
		}
		// both answers occur often, so the comparison says something
		assertThat(tenOrMore).isBetween(100, 900);
	}

}
