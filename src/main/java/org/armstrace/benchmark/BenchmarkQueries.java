package org.armstrace.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

import org.armstrace.tracing.SerialForms;

/**
 * Corrupted readings of registered serials, with the record each really is (ground
 * truth), and readings of firearms that are not registered (mostly from the gaps of
 * registered runs). The same for the same seed.
 */
final class BenchmarkQueries {

	enum Kind {

		CONFUSION_1("reading confusion", 1), CONFUSION_2("two reading confusions", 2),
		TRANSPOSITION_1("one transposition", 1), TRANSPOSITION_2("one transposition + one more corruption", 2),
		MISSING_LEADING_1("missing leading part", 1), MISSING_LEADING_2("missing leading part + one more", 2),
		SPACING_CASE_1("spacing and case", 1), SPACING_CASE_2("spacing and case + one more", 2),
		OBLITERATED_1("one obliterated character (?)", 1), OBLITERATED_2("two obliterated characters (?)", 2),
		UNREGISTERED("not registered", 0);

		final String label;

		final int corruptions;

		Kind(String label, int corruptions) {
			this.label = label;
			this.corruptions = corruptions;
		}

	}

	/**
	 * One query: what the officer typed, the make as written, and the record it is (-1:
	 * none).
	 */
	record Query(Kind kind, String serial, String make, String calibre, int truth) {
	}

	/** Characters and what they are misread as (both directions). */
	static final Map<Character, String> CONFUSABLE = Map.ofEntries(Map.entry('0', "OQD"), Map.entry('O', "0"),
			Map.entry('Q', "0"), Map.entry('D', "0"), Map.entry('1', "IL"), Map.entry('I', "1"), Map.entry('L', "1"),
			Map.entry('5', "S"), Map.entry('S', "5"), Map.entry('8', "B"), Map.entry('B', "8"), Map.entry('2', "Z"),
			Map.entry('Z', "2"), Map.entry('6', "G"), Map.entry('G', "6"), Map.entry('U', "V"), Map.entry('V', "U"));

	private BenchmarkQueries() {
	}

	/**
	 * {@code perKind} queries of each corruption kind, and unregistered ones making 20%
	 * of the whole.
	 */
	static List<Query> generate(BenchmarkRegistry registry, int perKind, long seed) {
		SplittableRandom r = new SplittableRandom(seed);
		List<Query> queries = new ArrayList<>();
		for (Kind kind : Kind.values()) {
			if (kind == Kind.UNREGISTERED) {
				continue;
			}
			int made = 0;
			while (made < perKind) {
				int truth = r.nextInt(registry.size);
				String corrupted = corrupt(kind, registry.serial[truth], r);
				if (corrupted == null) {
					continue;
				}
				queries.add(new Query(kind, corrupted, makeAsWritten(registry.makes.get(registry.make[truth]), r),
						r.nextBoolean() ? registry.calibre[truth] : null, truth));
				made++;
			}
		}
		int unregistered = queries.size() / 4; // 20% of the whole
		for (int i = 0; i < unregistered; i++) {
			String serial;
			short m;
			if (r.nextInt(10) < 7 && !registry.gapSerials.isEmpty()) {
				int g = r.nextInt(registry.gapSerials.size());
				serial = registry.gapSerials.get(g);
				m = registry.gapMakes.get(g);
			}
			else {
				m = (short) r.nextInt(registry.makes.size());
				serial = registry.unseenSerial(m, r);
			}
			queries.add(new Query(Kind.UNREGISTERED, serial, makeAsWritten(registry.makes.get(m), r), null, -1));
		}
		return queries;
	}

	/**
	 * Mostly the catalogue name, sometimes an alias, sometimes misspelt by one letter.
	 */
	private static String makeAsWritten(BenchmarkRegistry.Make make, SplittableRandom r) {
		int roll = r.nextInt(10);
		if (roll == 0 && !make.aliases().isEmpty()) {
			return make.aliases().get(r.nextInt(make.aliases().size()));
		}
		if (roll == 1 && make.name().length() >= 6) {
			int at = 1 + r.nextInt(make.name().length() - 2);
			return make.name().substring(0, at) + make.name().substring(at + 1);
		}
		return make.name();
	}

	static String corrupt(Kind kind, String serial, SplittableRandom r) {
		String n = SerialForms.normalise(serial);
		return switch (kind) {
			case CONFUSION_1 -> confuse(n, r);
			case CONFUSION_2 -> then(confuse(n, r), s -> confuse(s, r));
			case TRANSPOSITION_1 -> transpose(n, r);
			case TRANSPOSITION_2 -> then(transpose(n, r), s -> another(s, r));
			case MISSING_LEADING_1 -> dropLeading(n, r);
			case MISSING_LEADING_2 -> then(dropLeading(n, r), s -> confuse(s, r));
			case SPACING_CASE_1 -> respace(serial, r);
			case SPACING_CASE_2 -> then(confuse(n, r), s -> respace(s, r));
			case OBLITERATED_1 -> obliterate(n, 1, r);
			case OBLITERATED_2 -> obliterate(n, 2, r);
			case UNREGISTERED -> n;
		};
	}

	private static String then(String first, Function<String, String> next) {
		return first == null ? null : next.apply(first);
	}

	private static String another(String s, SplittableRandom r) {
		return r.nextBoolean() ? confuse(s, r) : respace(s, r);
	}

	static String confuse(String s, SplittableRandom r) {
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < s.length(); i++) {
			if (CONFUSABLE.containsKey(s.charAt(i))) {
				positions.add(i);
			}
		}
		if (positions.isEmpty()) {
			return null;
		}
		int at = positions.get(r.nextInt(positions.size()));
		String options = CONFUSABLE.get(s.charAt(at));
		return s.substring(0, at) + options.charAt(r.nextInt(options.length())) + s.substring(at + 1);
	}

	static String transpose(String s, SplittableRandom r) {
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i + 1 < s.length(); i++) {
			if (s.charAt(i) != s.charAt(i + 1)) {
				positions.add(i);
			}
		}
		if (positions.isEmpty()) {
			return null;
		}
		int at = positions.get(r.nextInt(positions.size()));
		return s.substring(0, at) + s.charAt(at + 1) + s.charAt(at) + s.substring(at + 2);
	}

	static String dropLeading(String s, SplittableRandom r) {
		int most = Math.min(3, s.length() - 5);
		return most < 1 ? null : s.substring(1 + r.nextInt(most));
	}

	static String respace(String s, SplittableRandom r) {
		StringBuilder b = new StringBuilder();
		for (char c : s.toLowerCase(Locale.ROOT).toCharArray()) {
			if (c == '-' || c == ' ') {
				continue; // separators read differently
			}
			b.append(c);
			if (r.nextInt(4) == 0) {
				b.append(r.nextBoolean() ? ' ' : '-');
			}
		}
		return b.toString().strip();
	}

	static String obliterate(String s, int count, SplittableRandom r) {
		if (s.length() < count + 3) {
			return null;
		}
		char[] c = s.toCharArray();
		int done = 0;
		while (done < count) {
			int at = r.nextInt(c.length);
			if (c[at] != SerialForms.ONE) {
				c[at] = SerialForms.ONE;
				done++;
			}
		}
		return new String(c);
	}

}
