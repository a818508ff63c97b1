package org.armstrace.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.armstrace.tracing.SerialForms;
import org.junit.jupiter.api.Test;

/**
 * Whether a missing leading part is answerable (no other record of the make ends as the
 * reading does) is found by a binary search over sorted endings; it answers as the walk
 * of every record did.
 */
class FoldedEndingsTests {

	@Test
	void answersAsAWalkOfEveryRecordDoes() {
		SplittableRandom random = new SplittableRandom(14);
		String[] makes = { "Glock", "CZ", "Steyr" };
		int size = 3_000;
		String[] folded = new String[size];
		String[] make = new String[size];
		for (int i = 0; i < size; i++) {
			// short serials of few characters: many share their endings, across makes too
			StringBuilder serial = new StringBuilder();
			for (int k = 0, length = 5 + random.nextInt(4); k < length; k++) {
				serial.append("0O1I58B7".charAt(random.nextInt(8)));
			}
			folded[i] = SerialForms.fold(serial.toString());
			make[i] = makes[random.nextInt(makes.length)];
		}
		FoldedEndings endings = new FoldedEndings(folded, make);
		int another = 0;
		for (int q = 0; q < 2_000; q++) {
			int truth = random.nextInt(size);
			String end = folded[truth].substring(random.nextInt(4));
			if (random.nextInt(4) == 0) {
				end = "7" + end;
			}
			String ending = end;
			boolean walked = IntStream.range(0, size)
				.anyMatch(i -> i != truth && folded[i].endsWith(ending) && make[i].equals(make[truth]));
			assertThat(endings.endsAnother(end, make[truth], truth)).as("%s of %s", end, make[truth]).isEqualTo(walked);
			another += walked ? 1 : 0;
		}
		// both answers occur often, so the comparison says something
		assertThat(another).isBetween(200, 1_800);
	}

}
