package org.armstrace.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the index offers for a reading, before any ranking: a record that reaches the
 * answers only through the index can never be ranked if it is not offered.
 */
class FirearmIndexTests {

	@Test
	void aMissingLeadingPartWithACostlierMisreadingIsStillOffered(@TempDir Path home) throws IOException {
		Confusions confusions = Confusions.standard();
		// "506859" is the end of "B0596859" with its 9 read as 0: a misreading the model
		// names, but not among the twelve likeliest of this reading
		String reading = "506859";
		assertThat(ReadingVariants.likeliest(reading, confusions, FirearmIndex.LIKELY_PATTERNS))
			.doesNotContain("596859");
		FirearmIndex index = new FirearmIndex(home);
		try {
			List<String> serials = new ArrayList<>(List.of("B0596859"));
			// serials that end as read, so the precise search finds enough records that
			// it is not widened by shared 3-grams
			for (char c = 'C'; c < 'C' + FirearmIndex.WIDEN_BELOW + 2; c++) {
				serials.add(c + "0" + reading);
			}
			for (String serial : serials) {
				index.add(new IndexedRecord(UUID.randomUUID().toString(), "R-" + serial, null, serial, "Steyr", "steyr",
						"", "", "", "", null, "REGISTERED", List.of(), null, null));
			}
			index.commit(serials.size());

			List<String> offered = index.withCandidates(reading, "steyr", confusions,
					found -> found.stream().map(FirearmIndex.Found::serial).toList());

			assertThat(offered).hasSizeGreaterThanOrEqualTo(FirearmIndex.WIDEN_BELOW).contains("B0596859");
		}
		finally {
			index.close();
		}
	}

}
