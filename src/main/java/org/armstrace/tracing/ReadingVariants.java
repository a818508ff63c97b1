package org.armstrace.tracing;

import java.util.ArrayList;
import java.util.Arrays;
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
		return new ReadingVariants(List.copyOf(near), twoSteps(folded, one, confusions));
	}

	/**
	 * The readings a second step beyond {@code one}, folded, neither the reading itself
	 * nor one step away: the likeliest first (equal costs in the order met), at most
	 * {@link #MOST_FAR}. A serial of ten characters has thousands, most of them met more
	 * than once: each is held as its cost and the step that makes it, known again by a
	 * hash of its folded characters, and only the ones kept are written out.
	 */
	private static List<String> twoSteps(String folded, List<Step> one, Confusions confusions) {
		int length = folded.length();
		long[] weight = new long[length];
		long w = 1;
		for (int k = length - 1; k >= 0; k--) {
			weight[k] = w;
			w *= HASH_BASE;
		}
		char[][] texts = new char[one.size()][];
		char[][] foldedTexts = new char[one.size()][];
		long[] hashes = new long[one.size()];
		double[] costs = new double[64];
		long[] made = new long[64];
		int count = 0;
		for (int i = 0; i < one.size(); i++) {
			char[] chars = one.get(i).text().toCharArray();
			texts[i] = chars;
			foldedTexts[i] = SerialForms.fold(one.get(i).text()).toCharArray();
			hashes[i] = hash(foldedTexts[i], weight);
			double spent = one.get(i).cost();
			double budget = LIKELY_TWO - spent;
			for (int p = 0; p < chars.length; p++) {
				char[] alternatives = confusions.alternatives(chars[p]);
				for (int k = 0; k < Math.min(PER_CHARACTER, alternatives.length); k++) {
					double cost = confusions.cost(chars[p], alternatives[k]);
					if (cost > LIKELY || cost > budget + 1e-9) {
						break;
					}
					if (count == costs.length) {
						costs = Arrays.copyOf(costs, count * 2);
						made = Arrays.copyOf(made, count * 2);
					}
					costs[count] = spent + cost;
					made[count++] = ((long) i << 32) | ((long) p << 16) | alternatives[k];
				}
			}
			for (int p = 0; p + 1 < chars.length && SerialAlignment.TRANSPOSITION <= budget + 1e-9; p++) {
				if (chars[p] != chars[p + 1]) {
					if (count == costs.length) {
						costs = Arrays.copyOf(costs, count * 2);
						made = Arrays.copyOf(made, count * 2);
					}
					costs[count] = spent + SerialAlignment.TRANSPOSITION;
					made[count++] = ((long) i << 32) | ((long) p << 16) | SWAP;
				}
			}
		}
		// by cost to a millionth (sums that differ in their last bit are equal), then in
		// the order met
		long[] order = new long[count];
		for (int j = 0; j < count; j++) {
			order[j] = (micros(costs[j]) << 32) | j;
		}
		Arrays.sort(order);
		HashSeen seen = new HashSeen(Math.min(count, MOST_FAR) + one.size() + 1);
		seen.add(hash(folded.toCharArray(), weight));
		for (long h : hashes) {
			seen.add(h);
		}
		List<String> far = new ArrayList<>();
		for (int j = 0; j < count && far.size() < MOST_FAR; j++) {
			long step = made[(int) order[j]];
			int from = (int) (step >>> 32);
			int p = (int) (step >>> 16) & 0xffff;
			char[] was = foldedTexts[from];
			char replacement = (char) (step & 0xffff);
			long h;
			if (replacement == SWAP) {
				h = hashes[from] + (was[p + 1] - was[p]) * weight[p] + (was[p] - was[p + 1]) * weight[p + 1];
			}
			else {
				replacement = SerialForms.fold(replacement);
				h = hashes[from] + (replacement - was[p]) * weight[p];
			}
			if (seen.add(h)) {
				char[] chars = was.clone();
				if (replacement == SWAP) {
					chars[p] = was[p + 1];
					chars[p + 1] = was[p];
				}
				else {
					chars[p] = replacement;
				}
				far.add(new String(chars));
			}
		}
		return List.copyOf(far);
	}

	/**
	 * An odd multiplier: two different readings of a serial's length share a hash with a
	 * chance of one in 2^64.
	 */
	private static final long HASH_BASE = 0x9E3779B97F4A7C15L;

	private static long hash(char[] chars, long[] weight) {
		long h = 0;
		for (int k = 0; k < chars.length; k++) {
			h += chars[k] * weight[k];
		}
		return h;
	}

	/** Hashes met so far, in an open-addressed table. */
	private static final class HashSeen {

		private final long[] slots;

		private boolean zero;

		HashSeen(int most) {
			slots = new long[Integer.highestOneBit(Math.max(16, most)) << 2];
		}

		/** False when {@code h} was met before. */
		boolean add(long h) {
			if (h == 0) {
				boolean first = !zero;
				zero = true;
				return first;
			}
			int mask = slots.length - 1;
			for (int at = (int) (h ^ (h >>> 32)) & mask;; at = (at + 1) & mask) {
				if (slots[at] == h) {
					return false;
				}
				if (slots[at] == 0) {
					slots[at] = h;
					return true;
				}
			}
		}

	}

	/** A cost in millionths: how variants are ordered. */
	static long micros(double cost) {
		return Math.round(cost * 1e6);
	}

	/** Marks a step that swaps two neighbours (no character of a reading). */
	private static final char SWAP = '\uffff';

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
