package org.armstrace.registry;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Serial numbers as stamped (kept exactly) and as compared: upper case without separators or spaces, so
 * "ab-123 456" and "AB123456" are the same serial.
 */
final class SerialNumbers {

	static final int MAX_LENGTH = 60;

	private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-./_;:]+");

	private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9\\s\\-./_;:]+");

	private SerialNumbers() {
	}

	static String key(String serial) {
		return serial == null ? null : SEPARATORS.matcher(serial.toUpperCase(Locale.ROOT)).replaceAll("");
	}

	/** Null when the serial is acceptable, else what is wrong with it. */
	static String problem(String serial) {
		if (serial == null || serial.isBlank()) {
			return "is required";
		}
		if (serial.length() > MAX_LENGTH) {
			return "must be at most " + MAX_LENGTH + " characters";
		}
		if (!ALLOWED.matcher(serial).matches()) {
			return "may hold only letters, digits, spaces and the separators - . / _ ; :";
		}
		if (key(serial).isEmpty()) {
			return "must hold at least one letter or digit";
		}
		return null;
	}

}
