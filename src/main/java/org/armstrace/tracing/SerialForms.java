package org.armstrace.tracing;

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

	public static String normalise(String serial) {
		if (serial == null) {
			return "";
		}
		StringBuilder out = new StringBuilder();
		for (char c : serial.toUpperCase(Locale.ROOT).toCharArray()) {
			if (Character.isLetterOrDigit(c) || c == ONE || c == RUN) {
				out.append(c);
			}
		}
		return out.toString().replaceAll("\\*+", "*");
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
