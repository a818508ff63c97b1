package org.armstrace.registry;

import java.util.Locale;
import java.util.regex.Pattern;

import org.armstrace.command.Checks;

/**
 * Serial numbers as stamped (kept exactly) and as compared: upper case without separators
 * or spaces, so "ab-123 456" and "AB123456" are the same serial.
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

	/**
	 * A serial as stamped: 1 to {@value #MAX_LENGTH} letters, digits, spaces and the
	 * separators - . / _ ; :, with at least one letter or digit.
	 */
	static void check(Checks checks, String field, String serial) {
		boolean acceptable = serial != null && !serial.isBlank() && serial.length() <= MAX_LENGTH
				&& ALLOWED.matcher(serial).matches() && !key(serial).isEmpty();
		checks.rule(acceptable, field, RegistryRule.SerialNumberFormat, MAX_LENGTH, serial);
	}

}
