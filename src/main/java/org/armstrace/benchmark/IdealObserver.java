package org.armstrace.benchmark;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.function.IntToDoubleFunction;
import java.util.function.ToDoubleFunction;

import org.armstrace.benchmark.BenchmarkQueries.Kind;

/**
 * The best recall@1 any method could reach on a benchmark query: it knows how the
 * benchmark damaged the reading (the kind of damage, the published confusions and how
 * they are drawn, how many leading characters it drops) and how the officer's notes were
 * drawn, weighs every registered record of the make by how likely it is to have given
 * this reading and these notes, and picks the likeliest. Where the truth shares the
 * highest weight with another record it is a tie, which recall@1 does not count (as it
 * does not count the engine's ties). No search engine knows the kind of damage, so this
 * is an upper bound: what it loses from 1,000,000 to 10,000,000 firearms is lost to the
 * registry's density, not to the engine. Not knowing the kind (every modelled kind as
 * likely) it is the best a search can do with the benchmark's own model of damage. Both
 * bound what can be expected: a method that decides this model's ties by other evidence
 * is right in about half of them, and on a sample can lie above.
 */
final class IdealObserver {

	/** The kinds of damage modelled, as the benchmark draws them. */
	private static final List<Kind> MODELLED = List.of(Kind.CONFUSION_1, Kind.CONFUSION_2, Kind.TRANSPOSITION_1,
			Kind.TRANSPOSITION_2, Kind.MISSING_LEADING_1, Kind.MISSING_LEADING_2);

	/** The rows of a make whose serial, normalised, is exactly this one. */
	private final BiFunction<String, String, List<Integer>> rows;

	/**
	 * The registered serials, normalised, that are longer than this one and end as it
	 * does.
	 */
	private final Function<String, List<String>> endingWith;

	/**
	 * @param rows the rows of a make (second argument) whose serial, normalised, is
	 * exactly the first argument
	 * @param endingWith the registered serials (normalised, of any make) longer than the
	 * argument that end with it
	 */
	IdealObserver(BiFunction<String, String, List<Integer>> rows, Function<String, List<String>> endingWith) {
		this.rows = rows;
		this.endingWith = endingWith;
	}

	/** The kinds this observer models; the others are not scored. */
	static boolean models(Kind kind) {
		return MODELLED.contains(kind);
	}

	/**
	 * The truth alone is the likeliest source of the reading and the notes, knowing the
	 * kind of damage; {@code notes} gives how likely a row is to have given the officer's
	 * notes (0 when they contradict it).
	 */
	boolean findsFirst(Kind kind, String reading, String make, int truth, IntToDoubleFunction notes) {
		return likeliest(sources(kind, reading), serial -> likelihood(kind, reading, serial), make, truth, notes);
	}

	/**
	 * The same, not knowing the kind of damage, as no search does: every modelled kind is
	 * as likely (the benchmark asks as many queries of each), so a record one likely swap
	 * away can be likelier than the one a confusion damaged.
	 */
	boolean findsFirstNotKnowingTheDamage(String reading, String make, int truth, IntToDoubleFunction notes) {
		Set<String> sources = new HashSet<>();
		for (Kind kind : MODELLED) {
			sources.addAll(sources(kind, reading));
		}
		return likeliest(sources, serial -> {
			double sum = 0;
			for (Kind kind : MODELLED) {
				sum += likelihood(kind, reading, serial) / MODELLED.size();
			}
			return sum;
		}, make, truth, notes);
	}

	private boolean likeliest(Set<String> sources, ToDoubleFunction<String> chanceOf, String make, int truth,
			IntToDoubleFunction notes) {
		double truthWeight = 0;
		List<Double> others = new ArrayList<>();
		for (String serial : sources) {
			double chance = chanceOf.applyAsDouble(serial);
			for (int row : rows.apply(serial, make)) {
				double weight = chance * notes.applyAsDouble(row);
				if (row == truth) {
					truthWeight = weight;
				}
				else {
					others.add(weight);
				}
			}
		}
		double below = truthWeight * (1 - 1e-9);
		return truthWeight > 0 && others.stream().allMatch(w -> w < below);
	}

	/**
	 * Every serial the kind of damage could have turned into {@code reading}; for a
	 * missing leading part, every registered one.
	 */
	Set<String> sources(Kind kind, String reading) {
		Set<String> out = new HashSet<>();
		switch (kind) {
			case MISSING_LEADING_1, MISSING_LEADING_2 -> {
				List<String> ends = kind == Kind.MISSING_LEADING_1 ? List.of(reading) : confusions(reading);
				for (String end : ends) {
					for (String serial : endingWith.apply(end)) {
						if (likelihood(kind, reading, serial) > 0) {
							out.add(serial);
						}
					}
				}
			}
			case CONFUSION_1 -> out.addAll(confusions(reading));
			case CONFUSION_2 -> confusions(reading).forEach(once -> out.addAll(confusions(once)));
			case TRANSPOSITION_1 -> out.addAll(BenchmarkQueries.transpositions(reading));
			case TRANSPOSITION_2 ->
				confusions(reading).forEach(once -> out.addAll(BenchmarkQueries.transpositions(once)));
			default -> throw new IllegalArgumentException(kind + " is not modelled");
		}
		return out;
	}

	/**
	 * How likely the benchmark's damage of {@code kind} turns {@code serial} into
	 * {@code reading} (both normalised).
	 */
	static double likelihood(Kind kind, String reading, String serial) {
		return switch (kind) {
			case CONFUSION_1 -> confused(serial, reading);
			case CONFUSION_2 -> thenConfused(confusions(serial), once -> confused(serial, once), reading);
			case TRANSPOSITION_1 -> transposed(serial, reading);
			case TRANSPOSITION_2 ->
				thenConfused(BenchmarkQueries.transpositions(serial), once -> transposed(serial, once), reading);
			case MISSING_LEADING_1 -> shortened(serial, reading, false);
			case MISSING_LEADING_2 -> shortened(serial, reading, true);
			default -> throw new IllegalArgumentException(kind + " is not modelled");
		};
	}

	/**
	 * The chance that {@code BenchmarkQueries.dropLeading} (and then a confusion) turn
	 * {@code serial} into {@code reading}: one to three leading characters dropped, each
	 * number as likely, keeping at least five.
	 */
	static double shortened(String serial, String reading, boolean withConfusion) {
		int dropped = serial.length() - reading.length();
		int most = Math.min(3, serial.length() - 5);
		if (dropped < 1 || dropped > most) {
			return 0;
		}
		String rest = serial.substring(dropped);
		return (withConfusion ? confused(rest, reading) : rest.equals(reading) ? 1 : 0) / most;
	}

	/**
	 * The chance of a first step to each of {@code firsts} (as {@code chance} gives it),
	 * then a confusion to {@code reading}.
	 */
	private static double thenConfused(List<String> firsts, ToDoubleFunction<String> chance, String reading) {
		double sum = 0;
		for (String once : firsts) {
			sum += chance.applyAsDouble(once) * confused(once, reading);
		}
		return sum;
	}

	/**
	 * The chance that {@code BenchmarkQueries.confuse} turns {@code from} into
	 * {@code to}: half of the time a pair every source names (when the serial has such a
	 * character), otherwise any published pair, a position then a replacement drawn
	 * uniformly.
	 */
	static double confused(String from, String to) {
		if (from.length() != to.length()) {
			return 0;
		}
		int at = -1;
		for (int i = 0; i < from.length(); i++) {
			if (from.charAt(i) != to.charAt(i)) {
				if (at >= 0) {
					return 0;
				}
				at = i;
			}
		}
		if (at < 0) {
			return 0;
		}
		boolean common = from.chars().anyMatch(c -> BenchmarkQueries.COMMON.containsKey((char) c));
		double chance = (common ? 0.5 : 1.0) * drawn(BenchmarkQueries.CONFUSABLE, from, at, to.charAt(at));
		if (common) {
			chance += 0.5 * drawn(BenchmarkQueries.COMMON, from, at, to.charAt(at));
		}
		return chance;
	}

	private static double drawn(Map<Character, String> table, String from, int at, char into) {
		String options = table.get(from.charAt(at));
		if (options == null || options.indexOf(into) < 0) {
			return 0;
		}
		long positions = from.chars().filter(c -> table.containsKey((char) c)).count();
		return 1.0 / positions / options.length();
	}

	/**
	 * The chance that {@code BenchmarkQueries.transpose} turns {@code from} into
	 * {@code to}.
	 */
	static double transposed(String from, String to) {
		List<String> swapped = BenchmarkQueries.transpositions(from);
		return swapped.isEmpty() ? 0 : (double) swapped.stream().filter(to::equals).count() / swapped.size();
	}

	/** Every string one published confusion away (the pairs are read both ways). */
	static List<String> confusions(String s) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i < s.length(); i++) {
			String options = BenchmarkQueries.CONFUSABLE.get(s.charAt(i));
			if (options != null) {
				for (int k = 0; k < options.length(); k++) {
					out.add(s.substring(0, i) + options.charAt(k) + s.substring(i + 1));
				}
			}
		}
		return out;
	}

}
