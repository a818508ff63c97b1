package org.armstrace.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The readings a serial is asked for by exact term: a record is only offered when the
 * misreading that happened is among them, so which variants are kept (and which are
 * dropped when a long serial has too many) decides what tracing can find.
 */
class ReadingVariantsTests {

	private final Confusions confusions = Confusions.standard();

	@Test
	void twoStepVariantsAreTheCheapestDistinctReadingsInOrderOfCost() {
		Random random = new Random(14);
		String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
		int capped = 0;
		for (int n = 0; n < 600; n++) {
			int length = 3 + random.nextInt(14);
			StringBuilder reading = new StringBuilder();
			for (int i = 0; i < length; i++) {
				// repeated characters now and then: a swap of equal neighbours is no step
				reading.append(i > 0 && random.nextInt(6) == 0 ? reading.charAt(i - 1)
						: alphabet.charAt(random.nextInt(alphabet.length())));
			}
			ReadingVariants variants = ReadingVariants.of(reading.toString(), confusions);
			List<String> expected = everyTwoStepReadingSorted(reading.toString());
			capped += expected.size() == ReadingVariants.MOST_FAR ? 1 : 0;
			assertThat(variants.far()).as(reading.toString()).containsExactlyElementsOf(expected);
			assertThat(variants.far()).doesNotContainAnyElementsOf(variants.near())
				.doesNotContain(SerialForms.fold(reading.toString()));
		}
		// long readings reach the cap: the cheapest are the ones kept
		assertThat(capped).isGreaterThan(20);
	}

	/**
	 * Every reading two steps away (each step a listed misreading within the budget, or a
	 * swap), sorted by cost to a millionth (equal costs as met), folded, without the
	 * readings one step away or the reading itself, each once, at most
	 * {@link ReadingVariants#MOST_FAR}: what {@link ReadingVariants#far()} holds.
	 */
	private List<String> everyTwoStepReadingSorted(String reading) {
		record Step(String text, double cost) {
		}
		List<Step> one = new ArrayList<>();
		for (String[] s : steps(reading, ReadingVariants.LIKELY)) {
			one.add(new Step(s[0], Double.parseDouble(s[1])));
		}
		List<Step> two = new ArrayList<>();
		for (Step s : one) {
			for (String[] t : steps(s.text(), ReadingVariants.LIKELY_TWO - s.cost())) {
				two.add(new Step(t[0], s.cost() + Double.parseDouble(t[1])));
			}
		}
		two.sort(Comparator.comparingLong(t -> ReadingVariants.micros(t.cost())));
		Set<String> near = new LinkedHashSet<>();
		one.forEach(s -> near.add(SerialForms.fold(s.text())));
		Set<String> far = new LinkedHashSet<>();
		for (Step t : two) {
			String folded = SerialForms.fold(t.text());
			if (far.size() < ReadingVariants.MOST_FAR && !near.contains(folded)
					&& !folded.equals(SerialForms.fold(reading))) {
				far.add(folded);
			}
		}
		return List.copyOf(far);
	}

	private List<String[]> steps(String s, double budget) {
		List<String[]> steps = new ArrayList<>();
		char[] chars = s.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			char original = chars[i];
			char[] alternatives = confusions.alternatives(original);
			for (int k = 0; k < Math.min(ReadingVariants.PER_CHARACTER, alternatives.length); k++) {
				double cost = confusions.cost(original, alternatives[k]);
				if (cost > ReadingVariants.LIKELY || cost > budget + 1e-9) {
					break;
				}
				chars[i] = alternatives[k];
				steps.add(new String[] { new String(chars), Double.toString(cost) });
			}
			chars[i] = original;
		}
		for (int i = 0; i + 1 < chars.length && SerialAlignment.TRANSPOSITION <= budget + 1e-9; i++) {
			if (chars[i] != chars[i + 1]) {
				String swapped = s.substring(0, i) + chars[i + 1] + chars[i] + s.substring(i + 2);
				steps.add(new String[] { swapped, Double.toString(SerialAlignment.TRANSPOSITION) });
			}
		}
		return steps;
	}

}
