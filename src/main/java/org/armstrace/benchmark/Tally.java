package org.armstrace.benchmark;

import java.util.ArrayList;
import java.util.List;

import org.armstrace.benchmark.BenchmarkQueries.Query;
import org.armstrace.tracing.Candidate;
import org.armstrace.tracing.Tracing;

/** What one engine did on one kind of query. */
final class Tally {

	int queries;

	int first;

	int firstOrTied;

	int top10;

	int notExactOrProbable;

	/**
	 * The corrupted reading is itself another registered serial of the same make, or a
	 * misreading of one (equal once confusable characters are folded): no method can tell
	 * which was meant.
	 */
	int readingIsAnotherRecord;

	/** First and not tied, among the queries whose reading is not another record. */
	int firstWhereDistinguishable;

	final List<String> misses = new ArrayList<>();

	/**
	 * Ten or more records fit the pattern equally well (obliterated characters in a dense
	 * series).
	 */
	int crowded;

	int top10WhereNotCrowded;

	/** In the top ten, among the queries whose reading is not another record. */
	int top10WhereDistinguishable;

	/** The true record first, not tied, and EXACT or PROBABLE: an answer to act on. */
	int probableRight;

	/** Among the distinguishable queries. */
	int probableRightWhereDistinguishable;

	/** Another record first at EXACT or PROBABLE: a confident wrong answer. */
	int probableWrong;

	final List<Long> nanos = new ArrayList<>();

	double share(int count) {
		return queries == 0 ? 0 : (double) count / queries;
	}

	/** One more query, answered in {@code took} nanoseconds. */
	void answered(long took) {
		queries++;
		nanos.add(took);
	}

	/**
	 * The engine on a firearm that is not registered: right when its top candidate is
	 * neither exact nor probable.
	 */
	void engineOnUnregistered(Query q, List<Candidate> found) {
		if (found.isEmpty() || found.getFirst().band() == Candidate.Band.POSSIBLE) {
			notExactOrProbable++;
		}
		else if (misses.size() < 5) {
			misses.add(q.serial() + " " + q.make() + " -> " + found.getFirst().serial() + " " + found.getFirst().make()
					+ " " + found.getFirst().band());
		}
	}

	/**
	 * The engine on a damaged reading of the registered firearm whose serial is
	 * {@code trueSerial}.
	 */
	void engineOnRegistered(Query q, List<Candidate> found, boolean indistinguishable, String trueSerial) {
		String truth = Integer.toString(q.truth());
		if (indistinguishable) {
			readingIsAnotherRecord++;
		}
		boolean confident = !found.isEmpty() && found.getFirst().band() != Candidate.Band.POSSIBLE;
		if (confident && !truth.equals(found.getFirst().firearmId())) {
			probableWrong++;
		}
		if (!confident && !found.isEmpty() && truth.equals(found.getFirst().firearmId()) && !indistinguishable
				&& misses.size() < 6) {
			misses.add("possible only: " + q.serial() + " (is " + trueSerial + ") "
					+ found.getFirst().explanation().stream().map(r -> r.code().name()).toList());
		}
		if (!found.isEmpty() && truth.equals(found.getFirst().firearmId()) && !found.getFirst().tie()) {
			first++;
			if (confident) {
				probableRight++;
				if (!indistinguishable) {
					probableRightWhereDistinguishable++;
				}
			}
			if (!indistinguishable) {
				firstWhereDistinguishable++;
			}
		}
		else if (!indistinguishable && misses.size() < 3) {
			misses.add(q.serial() + " (is " + trueSerial + "; top: "
					+ (found.isEmpty() ? "none" : found.getFirst().serial() + " " + found.getFirst().band()
							+ (found.getFirst().tie() ? " tie" : ""))
					+ ")");
		}
		if (!found.isEmpty()) {
			double top = found.getFirst().score();
			if (found.stream().anyMatch(c -> truth.equals(c.firearmId()) && Math.abs(c.score() - top) < Tracing.TIE)) {
				firstOrTied++;
			}
		}
		boolean inTop10 = found.stream().anyMatch(c -> truth.equals(c.firearmId()));
		if (inTop10) {
			top10++;
			if (!indistinguishable) {
				top10WhereDistinguishable++;
			}
		}
		boolean equallyGood = found.size() == 10 && found.getLast().tie()
				&& Math.abs(found.getLast().score() - found.getFirst().score()) < Tracing.TIE;
		if (equallyGood) {
			crowded++;
		}
		else if (inTop10) {
			top10WhereNotCrowded++;
		}
	}

	/**
	 * pg_trgm on a damaged reading of a registered firearm: it has no ties, so its first
	 * row counts for both {@code first} and {@code firstOrTied}.
	 */
	void trigramOnRegistered(Query q, List<Integer> found, boolean indistinguishable) {
		if (indistinguishable) {
			readingIsAnotherRecord++;
		}
		if (!found.isEmpty() && found.getFirst() == q.truth()) {
			first++;
			firstOrTied++;
		}
		if (found.contains(q.truth())) {
			top10++;
		}
	}

}
