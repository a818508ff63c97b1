package org.armstrace.tracing;

import java.text.Normalizer;
import java.util.Locale;

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
		String compatible = Normalizer.normalize(serial, Normalizer.Form.NFKC).toUpperCase(Locale.ROOT);
		StringBuilder out = new StringBuilder();
		for (char c : compatible.toCharArray()) {
			char latin = latin(c);
			if (Character.isLetterOrDigit(latin) || latin == ONE || latin == RUN) {
				out.append(latin);
			}
		}
		return out.toString().replaceAll("\\*+", "*");
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
		StringBuilder out = new StringBuilder(normalised.length());
		for (char c : normalised.toCharArray()) {
			out.append(fold(c));
		}
		return out.toString();
	}

	public static boolean hasWildcards(String normalised) {
		return normalised.indexOf(ONE) >= 0 || normalised.indexOf(RUN) >= 0;
	}

}
