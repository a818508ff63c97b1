package org.armstrace.tracing;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The forms a serial is compared in. Normalised: upper case, letters and digits only
 * (separators and spaces dropped), '?' and '*' kept as the officer typed them. Folded:
 * every character replaced by the one it is most often misread as or for, so that O, Q
 * and D meet 0, I and L meet 1, S meets 5, B meets 8, Z meets 2, G meets 6 and U meets V.
 * Public for whoever compares serials the way the engine does (the tracing benchmark).
 */
public final class SerialForms {

	/** One unreadable character. */
	public static final char ONE = '?';

	/** An unreadable run of any length. */
	public static final char RUN = '*';

	private SerialForms() {
	}

	/**
	 * The serial as compared: Unicode compatibility forms first (NFKC: a fullwidth "ＡＢ１２"
	 * is "AB12"), then the Cyrillic and Greek capitals that look like Latin ones read as
	 * those, and digits of any script as digits (a stamped serial is Latin; a look-alike
	 * typed from another keyboard is the same mark), upper case, letters and digits only.
	 */
	public static String normalise(String serial) {
		if (serial == null) {
			return "";
		}
		if (plain(serial)) {
			// capitals and digits only: already normal (the common case, and a search
			// normalises every candidate's serial)
			return serial;
		}
		String compatible = Normalizer.normalize(serial, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
		StringBuilder out = new StringBuilder();
		for (char c : compatible.toCharArray()) {
			char latin = latin(c);
			if (Character.isLetterOrDigit(latin) || latin == ONE || latin == RUN) {
				out.append(latin);
			}
		}
		return RUNS.matcher(out).replaceAll("*");
	}

	private static final Pattern RUNS = Pattern.compile("\\*+");

	private static boolean plain(String serial) {
		for (int i = 0; i < serial.length(); i++) {
			char c = serial.charAt(i);
			if (!((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Cyrillic and Greek capitals that look like Latin ones, and the Latin letter each is
	 * read as.
	 */
	private static final String LOOK_ALIKES = "АAВBЕEЁEЅSІIЈJКKМMНHОOРPСCТTУYХXАAΑAΒBΕEΖZΗHΙIΚKΜMΝNΟOΡPΤTΥYΧX";

	private static char latin(char c) {
		if (c < 128) {
			return c;
		}
		if (Character.isDigit(c)) {
			// a digit of another script (Arabic-Indic, Devanagari …) is the digit
			return (char) ('0' + Character.digit(c, 10));
		}
		for (int i = 0; i < LOOK_ALIKES.length(); i += 2) {
			if (LOOK_ALIKES.charAt(i) == c) {
				return LOOK_ALIKES.charAt(i + 1);
			}
		}
		return c;
	}

	static char fold(char c) {
		return switch (c) {
			case 'O', 'Q', 'D' -> '0';
			case 'I', 'L' -> '1';
			case 'S' -> '5';
			case 'B' -> '8';
			case 'Z' -> '2';
			case 'G' -> '6';
			case 'U' -> 'V';
			default -> c;
		};
	}

	public static String fold(String normalised) {
		char[] chars = null;
		for (int i = 0; i < normalised.length(); i++) {
			char c = normalised.charAt(i);
			char folded = fold(c);
			if (folded != c) {
				if (chars == null) {
					chars = normalised.toCharArray();
				}
				chars[i] = folded;
			}
		}
		// a search folds every variant of a reading: most need one copy, some none
		return chars == null ? normalised : new String(chars);
	}

	public static boolean hasWildcards(String normalised) {
		return normalised.indexOf(ONE) >= 0 || normalised.indexOf(RUN) >= 0;
	}

}
