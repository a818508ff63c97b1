package org.armstrace.tracing;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What an observed serial may have been before it was misread, by the confusion model:
 * every reading one likely misreading or one transposition away ({@code near}), and two
 * away ({@code far}), folded as the index holds serials. The index is asked for these by
 * exact term, so two corruptions of any kinds are found without walking the whole
 * neighbourhood of two edits, where a dense production run hides hundreds of serials.
 */
record ReadingVariants(List<String> near, List<String> far) {

	/** Alternatives tried per character: the likeliest misreadings only. */
	static final int PER_CHARACTER = 6;

	/** A misreading costlier than this is left to the fuzzy net. */
	static final double LIKELY = 0.7;

	/** Two steps costlier than this together are not asked for. */
	static final double LIKELY_TWO = 1.4;

	/** At most this many variants of two steps (a long serial has many). */
	static final int MOST_FAR = 1200;

	private record Step(String text, double cost) {
	}

	/** The variants of {@code observed} (normalised, without '?' or '*'). */
	static ReadingVariants of(String observed, Confusions confusions) {
		String folded = SerialForms.fold(observed);
		List<Step> one = steps(observed, confusions, LIKELY);
		Set<String> near = new LinkedHashSet<>();
		for (Step s : one) {
			near.add(SerialForms.fold(s.text()));
		}
		near.remove(folded);
		List<Step> two = new ArrayList<>();
		for (Step s : one) {
			for (Step t : steps(s.text(), confusions, LIKELY_TWO - s.cost())) {
				two.add(new Step(t.text(), s.cost() + t.cost()));
			}
		}
		// the likeliest first, so a long serial's cap drops the unlikeliest
		two.sort((a, b) -> Double.compare(a.cost(), b.cost()));
		Set<String> far = new LinkedHashSet<>();
		for (Step t : two) {
			if (far.size() >= MOST_FAR) {
				break;
			}
			far.add(SerialForms.fold(t.text()));
		}
		far.removeAll(near);
		far.remove(folded);
		return new ReadingVariants(List.copyOf(near), List.copyOf(far));
	}

	/**
	 * The readings one step away that cost at most {@code budget}: each character read as
	 * one of its likeliest confusions, each adjacent pair swapped.
	 */
	private static List<Step> steps(String s, Confusions confusions, double budget) {
		List<Step> steps = new ArrayList<>();
		char[] chars = s.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			char original = chars[i];
			char[] alternatives = confusions.alternatives(original);
			for (int k = 0; k < Math.min(PER_CHARACTER, alternatives.length); k++) {
				double cost = confusions.cost(original, alternatives[k]);
				if (cost > LIKELY || cost > budget + 1e-9) {
					break;
				}
				chars[i] = alternatives[k];
				steps.add(new Step(new String(chars), cost));
			}
			chars[i] = original;
		}
		for (int i = 0; i + 1 < chars.length && SerialAlignment.TRANSPOSITION <= budget + 1e-9; i++) {
			if (chars[i] != chars[i + 1]) {
				char a = chars[i];
				chars[i] = chars[i + 1];
				chars[i + 1] = a;
				steps.add(new Step(new String(chars), SerialAlignment.TRANSPOSITION));
				chars[i + 1] = chars[i];
				chars[i] = a;
			}
		}
		return steps;
	}

	/**
	 * The {@code most} cheapest readings one misreading away (for patterns and endings).
	 */
	static List<String> likeliest(String observed, Confusions confusions, int most) {
		List<Step> one = new ArrayList<>();
		char[] chars = observed.toCharArray();
		for (int i = 0; i < chars.length; i++) {
			char original = chars[i];
			if (original == SerialForms.ONE || original == SerialForms.RUN) {
				continue;
			}
			for (char alternative : confusions.alternatives(original)) {
				double cost = confusions.cost(original, alternative);
				if (cost > LIKELY) {
					break;
				}
				chars[i] = alternative;
				one.add(new Step(new String(chars), cost));
			}
			chars[i] = original;
		}
		one.sort((a, b) -> Double.compare(a.cost(), b.cost()));
		Set<String> out = new LinkedHashSet<>();
		String folded = SerialForms.fold(observed);
		for (Step s : one) {
			String f = SerialForms.fold(s.text());
			if (!f.equals(folded)) {
				out.add(f);
			}
			if (out.size() >= most) {
				break;
			}
		}
		return List.copyOf(out);
	}

}
