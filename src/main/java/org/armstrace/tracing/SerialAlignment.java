package org.armstrace.tracing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * How well an observed serial (normalised, perhaps with '?' and '*') fits a recorded one:
 * the cheapest alignment of the two, with what each step cost and why, so an officer can
 * read the reasoning; where the serial was read at its length, the other ways of
 * misreading and swapping that lead to the same reading count too ({@link #OTHER_WAYS}).
 * A misreading costs what the graded confusion model says ({@link Confusions}: 0.1 for
 * 0/O, 0.3 for 1/7); the other costs are named here: a character read as one it does not
 * resemble, an unreadable character, a run, one transposition, a missing edge character.
 */
final class SerialAlignment {

	static final double UNREADABLE = 0.3;

	static final double PER_RUN_CHARACTER = 0.15;

	/**
	 * Two neighbouring characters read in each other's place: one event, cheaper than
	 * most misreadings, but two of them cost more than one unusual misreading.
	 */
	static final double TRANSPOSITION = 0.35;

	static final double MISSING_EDGE = 0.35;

	/**
	 * Each further character of a missing leading part: the start ground or worn off is
	 * one event, not one per character.
	 */
	static final double MISSING_MORE = 0.1;

	/**
	 * A character read as one it does not resemble (a pair the table does not list), or
	 * read where none is recorded, or not read where one is. Costs read as chances
	 * ({@code -OTHER_WAYS * ln}): at 1.0, the twenty-odd characters a character does not
	 * resemble would together take about three misreadings in five, against the premise
	 * of the table that characters are misread as ones they resemble; at 1.45, about one
	 * in five (the median over letters and digits of the shipped table).
	 */
	static final double DIFFERENT = 1.45;

	/**
	 * What any misreading costs before the table grades its pair: each misreading is an
	 * event of its own, so one unusual misreading ('O' read for '6') is likelier than two
	 * usual ones ('6' read for '0' and 'O' for '0'). A listed pair costs this plus the
	 * rest of the way to a plain difference in proportion to its table cost.
	 */
	static final double MISREADING = 0.4;

	/** The alignment cost of a misreading whose pair the table grades {@code pair}. */
	static double misreading(double pair) {
		return MISREADING + (1 - MISREADING) * pair;
	}

	/**
	 * What the alignment found; {@code score} is 1 for an exact reading, falling towards
	 * 0.
	 */
	record Fit(double score, double cost, boolean exact, int confusables, int unreadable, int transpositions,
			int missingEdges, int differences, boolean run, List<Reason> explanation) {

		/** Differs only by reading confusions or one transposition. */
		boolean onlyMisread() {
			return !exact && unreadable == 0 && !run && missingEdges == 0 && differences == 0 && transpositions <= 1;
		}

	}

	private static final Confusions STANDARD = Confusions.standard();

	/** With the confusion table shipped with the product. */
	static Fit align(String observed, String recorded) {
		return align(observed, recorded, STANDARD);
	}

	static Fit align(String observed, String recorded, Confusions confusions) {
		return new SerialAlignment(confusions).fit(observed, recorded);
	}

	private final Confusions confusions;

	private SerialAlignment(Confusions confusions) {
		this.confusions = confusions;
	}

	private Fit fit(String observed, String recorded) {
		int m = observed.length();
		int n = recorded.length();
		double[][] cost = new double[m + 1][n + 1];
		for (int i = 0; i <= m; i++) {
			for (int j = 0; j <= n; j++) {
				cost[i][j] = i == 0 && j == 0 ? 0 : best(observed, recorded, cost, i, j);
			}
		}
		// where the cheapest way adds or drops characters, it alone counts
		double ways = m != n || SerialForms.hasWildcards(observed) ? cost[m][n]
				: Math.min(cost[m][n], everyWay(observed, recorded));
		return backtrack(observed, recorded, cost, ways);
	}

	/**
	 * How much the other ways of damaging a record into the observed serial count beside
	 * the cheapest: costs are read as {@code -OTHER_WAYS * ln(chance)}, so two records
	 * one transposition away are not equal when one of them could also have been misread
	 * into the reading ("12" read as "21": a swap, or two digits each misread as the
	 * other). The ways counted are misreadings and transpositions, a serial read at its
	 * length: adding and dropping characters would make ties of any two readings unequal
	 * by where in the serial they differ, which is no evidence.
	 */
	static final double OTHER_WAYS = 0.25;

	/** Ways costlier than the cheapest by this much are left out: they add nothing. */
	private static final double NEGLIGIBLE = 10 * OTHER_WAYS;

	/**
	 * The cost of every way of misreading and swapping {@code c} into {@code p} (as long,
	 * no '?' or '*') together: {@code -OTHER_WAYS * ln} of the sum of their chances, at
	 * most the cheapest one's.
	 */
	private double everyWay(String p, String c) {
		int n = p.length();
		double[] d = new double[n + 1];
		double[] options = new double[2];
		for (int i = 1; i <= n; i++) {
			int k = 0;
			options[k++] = d[i - 1] + step(p.charAt(i - 1), c.charAt(i - 1));
			// a swap whose two characters are both misread back into themselves reads
			// a pair as it is: a way from every record to itself, no evidence
			double swap = p.regionMatches(i - 2, c, i - 2, 2) ? Double.MAX_VALUE : swap(p, c, i, i);
			if (swap < Double.MAX_VALUE) {
				options[k++] = d[i - 2] + swap;
			}
			// one way to here (most places): its cost as it is
			d[i] = k == 1 ? options[0] : together(options, k);
		}
		return d[n];
	}

	/** {@code -OTHER_WAYS * ln(sum of exp(-x / OTHER_WAYS))} over the first {@code k}. */
	private static double together(double[] x, int k) {
		double least = x[0];
		for (int a = 1; a < k; a++) {
			least = Math.min(least, x[a]);
		}
		double sum = 0;
		for (int a = 0; a < k; a++) {
			double more = x[a] - least;
			if (more < NEGLIGIBLE) {
				sum += Math.exp(-more / OTHER_WAYS);
			}
		}
		return least - OTHER_WAYS * Math.log(sum);
	}

	private double best(String p, String c, double[][] d, int i, int j) {
		double best = Double.MAX_VALUE;
		int m = p.length();
		if (i > 0 && p.charAt(i - 1) == SerialForms.RUN) {
			best = Math.min(best, d[i - 1][j]);
			if (j > 0) {
				best = Math.min(best, d[i][j - 1] + PER_RUN_CHARACTER);
			}
			return best;
		}
		if (i > 0 && j > 0) {
			best = Math.min(best, d[i - 1][j - 1] + step(p.charAt(i - 1), c.charAt(j - 1)));
		}
		if (i > 0) {
			best = Math.min(best, d[i - 1][j] + DIFFERENT);
		}
		if (j > 0) {
			best = Math.min(best, d[i][j - 1] + skipped(i, j, m));
		}
		double swap = swap(p, c, i, j);
		if (swap < Double.MAX_VALUE) {
			best = Math.min(best, d[i - 2][j - 2] + swap);
		}
		return best;
	}

	/** What a recorded character not observed costs at (i, j). */
	private static double skipped(int i, int j, int m) {
		if (i == 0) {
			return j == 1 ? MISSING_EDGE : MISSING_MORE;
		}
		return i == m ? MISSING_EDGE : DIFFERENT;
	}

	/**
	 * The cost of reading the two recorded characters before (i, j) swapped, each perhaps
	 * misread too (a transposition and a confusion in the same place: "S0" read for
	 * "05"); MAX_VALUE when the observed pair is no such reading.
	 */
	private double swap(String p, String c, int i, int j) {
		if (i < 2 || j < 2 || c.charAt(j - 1) == c.charAt(j - 2)) {
			return Double.MAX_VALUE;
		}
		char first = p.charAt(i - 2);
		char second = p.charAt(i - 1);
		if (first == SerialForms.ONE || first == SerialForms.RUN || second == SerialForms.ONE
				|| second == SerialForms.RUN) {
			return Double.MAX_VALUE;
		}
		double a = misread(second, c.charAt(j - 2));
		double b = misread(first, c.charAt(j - 1));
		return a < Confusions.UNLISTED && b < Confusions.UNLISTED ? TRANSPOSITION + a + b : Double.MAX_VALUE;
	}

	private double step(char observed, char recorded) {
		if (observed == recorded) {
			return 0;
		}
		if (observed == SerialForms.ONE) {
			return UNREADABLE;
		}
		return misread(observed, recorded);
	}

	/**
	 * 0 when equal, a misreading's cost when the table lists the pair, else
	 * {@link #DIFFERENT}.
	 */
	private double misread(char observed, char recorded) {
		double pair = confusions.cost(observed, recorded);
		if (pair == 0) {
			return 0;
		}
		return pair < Confusions.UNLISTED ? misreading(pair) : DIFFERENT;
	}

	/** What the cheapest alignment did, counted while walking it back from the end. */
	private static final class Tally {

		int confusables;

		int unreadable;

		int transpositions;

		int edges;

		int differences;

		boolean run;

		final List<Reason> steps = new ArrayList<>();

	}

	private Fit backtrack(String p, String c, double[][] d, double ways) {
		Tally tally = new Tally();
		int i = p.length();
		int j = c.length();
		while (i > 0 || j > 0) {
			int[] next = step(p, c, d, i, j, tally);
			i = next[0];
			j = next[1];
		}
		List<Reason> steps = tally.steps;
		Collections.reverse(steps);
		if (tally.unreadable > 0) {
			steps.addFirst(Reason.of(Reason.Code.UNREADABLE_ACCEPTED, tally.unreadable));
		}
		if (tally.run) {
			steps.addFirst(Reason.of(Reason.Code.RUN_ACCEPTED));
		}
		boolean exact = d[p.length()][c.length()] == 0 && !SerialForms.hasWildcards(p);
		if (exact) {
			steps.add(Reason.of(Reason.Code.EXACT));
		}
		double length = Math.max(1, c.length());
		// an exact reading is exact, however many other ways there are to it
		double cost = exact ? 0 : ways;
		double score = Math.max(0, 1 - cost / length);
		return new Fit(score, cost, exact, tally.confusables, tally.unreadable, tally.transpositions, tally.edges,
				tally.differences, tally.run, steps);
	}

	/** A swapped character that was misread too, counted and named. */
	private static void misread(char observed, char recorded, int position, Tally tally) {
		if (observed != recorded) {
			tally.confusables++;
			tally.steps.add(Reason.of(Reason.Code.CHARACTER_MISREAD, observed, recorded, position));
		}
	}

	/**
	 * One step back along the cheapest alignment from (i, j), counted; returns where it
	 * leads.
	 */
	private int[] step(String p, String c, double[][] d, int i, int j, Tally tally) {
		final double eps = 1e-9;
		if (i > 0 && p.charAt(i - 1) == SerialForms.RUN) {
			tally.run = true;
			return j > 0 && Math.abs(d[i][j] - (d[i][j - 1] + PER_RUN_CHARACTER)) < eps ? new int[] { i, j - 1 }
					: new int[] { i - 1, j };
		}
		if (i > 0 && j > 0 && Math.abs(d[i][j] - (d[i - 1][j - 1] + step(p.charAt(i - 1), c.charAt(j - 1)))) < eps) {
			char o = p.charAt(i - 1);
			char r = c.charAt(j - 1);
			if (o == SerialForms.ONE) {
				tally.unreadable++;
			}
			else if (o != r && confusions.cost(o, r) < Confusions.UNLISTED) {
				tally.confusables++;
				tally.steps.add(Reason.of(Reason.Code.CHARACTER_MISREAD, o, r, j));
			}
			else if (o != r) {
				tally.differences++;
				tally.steps.add(Reason.of(Reason.Code.CHARACTER_DIFFERS, o, r, j));
			}
			return new int[] { i - 1, j - 1 };
		}
		double swap = swap(p, c, i, j);
		if (swap < Double.MAX_VALUE && Math.abs(d[i][j] - (d[i - 2][j - 2] + swap)) < eps) {
			tally.transpositions++;
			// walked back from the end: the later misreading first, the list is reversed
			misread(p.charAt(i - 2), c.charAt(j - 1), j, tally);
			misread(p.charAt(i - 1), c.charAt(j - 2), j - 1, tally);
			tally.steps.add(Reason.of(Reason.Code.TRANSPOSED, "" + c.charAt(j - 2) + c.charAt(j - 1), j - 1, j));
			return new int[] { i - 2, j - 2 };
		}
		if (j > 0 && (i == 0 || i == p.length())
				&& Math.abs(d[i][j] - (d[i][j - 1] + skipped(i, j, p.length()))) < eps) {
			tally.edges++;
			tally.steps
				.add(Reason.of(i == 0 ? Reason.Code.MISSING_AT_START : Reason.Code.MISSING_AT_END, c.charAt(j - 1)));
			return new int[] { i, j - 1 };
		}
		tally.differences++;
		if (j > 0 && Math.abs(d[i][j] - (d[i][j - 1] + DIFFERENT)) < eps) {
			tally.steps.add(Reason.of(Reason.Code.NOT_OBSERVED, c.charAt(j - 1), j));
			return new int[] { i, j - 1 };
		}
		tally.steps.add(Reason.of(Reason.Code.OBSERVED_NOT_RECORDED, p.charAt(i - 1)));
		return new int[] { i - 1, j };
	}

}
