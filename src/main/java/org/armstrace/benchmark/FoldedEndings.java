package org.armstrace.benchmark;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Every row's folded serial reversed after its make, sorted: whether another record of a
 * make ends as a reading does is a binary search, not a walk of the whole registry (made
 * at its first question).
 */
final class FoldedEndings {

	private final String[] folded;

	private final String[] make;

	private String[] keys;

	FoldedEndings(String[] folded, String[] make) {
		this.folded = folded;
		this.make = make;
	}

	/** Asked from several threads at once: made once, seen whole. */
	private synchronized String[] keys() {
		if (keys == null) {
			keys = IntStream.range(0, folded.length)
				.parallel()
				.mapToObj(i -> make[i] + '\u0000' + reverse(folded[i]) + '\u0000' + i)
				.sorted()
				.toArray(String[]::new);
		}
		return keys;
	}

	/**
	 * A row other than {@code truth} of {@code ofMake} whose folded serial ends with
	 * {@code end}.
	 */
	boolean endsAnother(String end, String ofMake, int truth) {
		String[] keys = keys();
		String prefix = ofMake + '\u0000' + reverse(end);
		int at = Arrays.binarySearch(keys, prefix);
		for (int i = at < 0 ? -at - 1 : at; i < keys.length && keys[i].startsWith(prefix); i++) {
			if (Integer.parseInt(keys[i].substring(keys[i].lastIndexOf('\u0000') + 1)) != truth) {
				return true;
			}
		}
		return false;
	}

	static String reverse(String s) {
		return new StringBuilder(s).reverse().toString();
	}

}
