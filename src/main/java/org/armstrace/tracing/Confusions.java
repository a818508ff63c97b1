package org.armstrace.tracing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The graded confusion model: what substituting one character for another costs when an
 * observed serial is aligned with a recorded one, lower the likelier the misreading. Read
 * from {@code tracing/confusions.txt} (format in that file), or from the State's own copy
 * named in {@code armstrace.tracing.confusions}.
 */
@Component
public final class Confusions {

	/** What any pair not in the table costs: a plain difference. */
	public static final double UNLISTED = 1.0;

	private static final String BUNDLED = "tracing/confusions.txt";

	private static final int SIZE = 128;

	private final double[][] cost = new double[SIZE][SIZE];

	private final char[][] alternatives = new char[SIZE][];

	private final List<String> pairs = new ArrayList<>();

	@Autowired
	Confusions(@Value("${armstrace.tracing.confusions:}") String location) {
		this(read(location));
	}

	private Confusions(List<String> lines) {
		for (double[] row : cost) {
			Arrays.fill(row, UNLISTED);
		}
		for (int i = 0; i < SIZE; i++) {
			cost[i][i] = 0;
		}
		int number = 0;
		for (String raw : lines) {
			number++;
			String line = raw.replaceAll("#.*", "").trim();
			if (line.isEmpty()) {
				continue;
			}
			String[] parts = line.split("\\s+");
			double value = parts.length == 3 ? parse(parts[2]) : Double.NaN;
			if (parts.length != 3 || parts[0].length() != 1 || parts[1].length() != 1 || !usable(parts[0].charAt(0))
					|| !usable(parts[1].charAt(0)) || parts[0].equals(parts[1]) || !(value > 0 && value <= 1)) {
				throw new IllegalStateException("confusion table line " + number
						+ ": expected two different upper-case letters or digits and a cost in (0, 1], found '" + raw
						+ "'");
			}
			char a = parts[0].charAt(0);
			char b = parts[1].charAt(0);
			cost[a][b] = value;
			cost[b][a] = value;
			pairs.add(a + "" + b);
		}
		for (char c = 0; c < SIZE; c++) {
			char from = c;
			List<Character> listed = new ArrayList<>();
			for (char o = 0; o < SIZE; o++) {
				if (o != c && cost[c][o] < UNLISTED) {
					listed.add(o);
				}
			}
			listed.sort(Comparator.comparingDouble(o -> cost[from][o]));
			char[] sorted = new char[listed.size()];
			for (int i = 0; i < sorted.length; i++) {
				sorted[i] = listed.get(i);
			}
			alternatives[c] = sorted;
		}
	}

	/** The table shipped with the product. */
	public static Confusions standard() {
		return new Confusions("");
	}

	/** A table of the given lines, in the file's format (tests, a State's trial). */
	static Confusions of(List<String> lines) {
		return new Confusions(lines);
	}

	/**
	 * The cost of reading {@code recorded} as {@code observed}: 0 when equal, 1 when the
	 * table does not list the pair.
	 */
	public double cost(char observed, char recorded) {
		if (observed >= SIZE || recorded >= SIZE) {
			return observed == recorded ? 0 : UNLISTED;
		}
		return cost[observed][recorded];
	}

	/** The characters {@code c} is listed as confused with, likeliest first. */
	char[] alternatives(char c) {
		return c < SIZE ? alternatives[c] : new char[0];
	}

	/** How many pairs the table lists. */
	public int size() {
		return pairs.size();
	}

	private static boolean usable(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
	}

	private static double parse(String text) {
		try {
			return Double.parseDouble(text);
		}
		catch (NumberFormatException notANumber) {
			return Double.NaN;
		}
	}

	private static List<String> read(String location) {
		try (InputStream in = location == null || location.isBlank()
				? Confusions.class.getClassLoader().getResourceAsStream(BUNDLED)
				: Files.newInputStream(Path.of(location))) {
			if (in == null) {
				throw new IllegalStateException("the confusion table " + BUNDLED + " is missing from the build");
			}
			return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines().toList();
		}
		catch (IOException e) {
			throw new UncheckedIOException("cannot read the confusion table " + location, e);
		}
	}

}
