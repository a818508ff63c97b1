package org.armstrace.benchmark;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;

import org.armstrace.tracing.SerialForms;

/**
 * Corrupted readings of registered serials, with the record each really is (ground
 * truth), and readings of firearms that are not registered (mostly from the gaps of
 * registered runs). The same for the same seed.
 */
final class BenchmarkQueries {

	enum Kind {

		CONFUSION_1("one reading confusion (any kind)", 1), CONFUSION_2("two reading confusions", 2),
		TRANSPOSITION_1("one transposition", 1), TRANSPOSITION_2("transposition + confusion", 2),
		MISSING_LEADING_1("missing leading part", 1), MISSING_LEADING_2("missing leading part + confusion", 2),
		SPACING_CASE_1("spacing and case", 1), SPACING_CASE_2("spacing and case + confusion", 2),
		OBLITERATED_1("one obliterated character (?)", 1), OBLITERATED_2("two obliterated characters (?)", 2),
		OBLITERATED_CONFUSION("obliterated (?) + confusion", 2), UNREGISTERED("not registered", 0);

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
	record Query(Kind kind, String serial, String make, String calibre, String model, String type, Integer yearFrom,
			Integer yearTo, int truth) {
	}

	/**
	 * Published lists of characters mistaken for one another, taken as they are (not the
	 * engine's table): php-iban's mistranscription list (globalcitizen/php-iban,
	 * mistranscriptions.txt: digit for digit and letter for digit), the OCR confusion
	 * groups of textify's isOcrConfusionPair, and the ambiguous pairs of OCR vendors'
	 * manuals (0/O, 1/I, 2/Z, 5/S, 8/B). A pair read one way is read the other way too.
	 */
	private static final String[] PUBLISHED = { "0O", "06", "0D", "0G", "1I", "1L", "17", "12", "1Z", "2Z", "27", "2P",
			"2E", "38", "3B", "4G", "4U", "5S", "57", "68", "6G", "6C", "6B", "6D", "6O", "7J", "7I", "7L", "8B", "9G",
			"9Y", "9O", "90", "9D", "AG", "AQ", "AO", "A0", "B6", "B3", "BP", "B0", "BO", "CR", "CL", "CO", "C0", "DQ",
			"DG", "DA", "EF", "EK", "EZ", "ES", "FK", "FT", "FP", "FY", "F4", "HN", "HM", "HW", "HR", "HX", "IJ", "IT",
			"JU", "JT", "JY", "KX", "KR", "LT", "LY", "MN", "MV", "MW", "M8", "M3", "NR", "NK", "NZ", "OQ", "PR", "PF",
			"P4", "P8", "IL", "S8", "T1", "T7", "UL", "UV", "AX", "OB", "NM", "G9", "LB" };

	/**
	 * The pairs every one of those sources names (the OCR vendors' ambiguous pairs): half
	 * of the confusions are drawn from these, half from the whole published list.
	 */
	private static final String[] NAMED_BY_ALL = { "0O", "1I", "2Z", "5S", "8B" };

	static final Map<Character, String> COMMON = confusable(NAMED_BY_ALL);

	/** Characters and what they are misread as, from {@link #PUBLISHED}. */
	static final Map<Character, String> CONFUSABLE = confusable(PUBLISHED);

	private static Map<Character, String> confusable(String[] pairs) {
		Map<Character, StringBuilder> by = new TreeMap<>();
		for (String pair : pairs) {
			for (int k = 0; k < 2; k++) {
				char from = pair.charAt(k);
				char to = pair.charAt(1 - k);
				StringBuilder into = by.computeIfAbsent(from, c -> new StringBuilder());
				if (into.indexOf(String.valueOf(to)) < 0) {
					into.append(to);
				}
			}
		}
		Map<Character, String> out = new HashMap<>();
		by.forEach((c, b) -> out.put(c, b.toString()));
		return Map.copyOf(out);
	}

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
				queries.add(observed(kind, corrupted, registry, truth, registry.make[truth], truth, r));
				made++;
			}
		}
		int unregistered = queries.size() / 4; // 20% of the whole
		for (int i = 0; i < unregistered; i++) {
			if (r.nextInt(10) < 7 && !registry.gapSerials.isEmpty()) {
				// an item of a registered run that was never registered: it looks like
				// its
				// neighbours in everything
				int g = r.nextInt(registry.gapSerials.size());
				queries.add(observed(Kind.UNREGISTERED, registry.gapSerials.get(g), registry,
						registry.gapNeighbours.get(g), registry.gapMakes.get(g), -1, r));
			}
			else {
				short m = (short) r.nextInt(registry.makes.size());
				queries.add(new Query(Kind.UNREGISTERED, registry.unseenSerial(m, r),
						makeAsWritten(registry.makes.get(m), r), null, null, null, null, null, -1));
			}
		}
		return queries;
	}

	/**
	 * What an officer notes besides the serial of the item that looks like record
	 * {@code like}: the make always, the calibre half of the time, the model, the type
	 * and a year range (the record's year within two years either side) each a third of
	 * the time.
	 */
	private static Query observed(Kind kind, String serial, BenchmarkRegistry registry, int like, short make, int truth,
			SplittableRandom r) {
		boolean year = r.nextInt(3) == 0;
		int centre = registry.year[like] - 2 + r.nextInt(5);
		return new Query(kind, serial, makeAsWritten(registry.makes.get(make), r),
				r.nextBoolean() ? registry.calibre[like] : null, r.nextInt(3) == 0 ? registry.model[like] : null,
				r.nextInt(3) == 0 ? registry.type[like] : null, year ? centre - 2 : null, year ? centre + 2 : null,
				truth);
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
			case TRANSPOSITION_2 -> then(transpose(n, r), s -> confuse(s, r));
			case MISSING_LEADING_1 -> dropLeading(n, r);
			case MISSING_LEADING_2 -> then(dropLeading(n, r), s -> confuse(s, r));
			case SPACING_CASE_1 -> respace(serial, r);
			case SPACING_CASE_2 -> then(confuse(n, r), s -> respace(s, r));
			case OBLITERATED_1 -> obliterate(n, 1, r);
			case OBLITERATED_2 -> obliterate(n, 2, r);
			case OBLITERATED_CONFUSION -> then(confuse(n, r), s -> obliterate(s, 1, r));
			case UNREGISTERED -> n;
		};
	}

	private static String then(String first, Function<String, String> next) {
		return first == null ? null : next.apply(first);
	}

	static String confuse(String s, SplittableRandom r) {
		Map<Character, String> table = CONFUSABLE;
		if (r.nextBoolean() && s.chars().anyMatch(c -> COMMON.containsKey((char) c))) {
			table = COMMON;
		}
		List<Integer> positions = new ArrayList<>();
		for (int i = 0; i < s.length(); i++) {
			if (table.containsKey(s.charAt(i))) {
				positions.add(i);
			}
		}
		if (positions.isEmpty()) {
			return null;
		}
		int at = positions.get(r.nextInt(positions.size()));
		String options = table.get(s.charAt(at));
		return s.substring(0, at) + options.charAt(r.nextInt(options.length())) + s.substring(at + 1);
	}

	static String transpose(String s, SplittableRandom r) {
		List<String> swapped = transpositions(s);
		return swapped.isEmpty() ? null : swapped.get(r.nextInt(swapped.size()));
	}

	/**
	 * Every string one swap of two different neighbouring characters away, from the first
	 * place on.
	 */
	static List<String> transpositions(String s) {
		List<String> out = new ArrayList<>();
		for (int i = 0; i + 1 < s.length(); i++) {
			if (s.charAt(i) != s.charAt(i + 1)) {
				out.add(s.substring(0, i) + s.charAt(i + 1) + s.charAt(i) + s.substring(i + 2));
			}
		}
		return out;
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
