package org.armstrace.command;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * What a page's form sends, read into values: an empty field is null, and a field that
 * cannot be read adds its refusal (named by field and rule, as the API's) instead of
 * failing the page.
 */
public final class FormFields {

	private FormFields() {
	}

	/** The text without surrounding spaces; null when empty. */
	public static String text(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

	public static UUID id(String field, String value, List<Refusal> violations) {
		String text = text(value);
		try {
			return text == null ? null : UUID.fromString(text);
		}
		catch (IllegalArgumentException e) {
			violations.add(Refusal.of(field, CommonRule.IdIsUuid, value));
			return null;
		}
	}

	/** An ISO date (YYYY-MM-DD). */
	public static LocalDate date(String field, String value, List<Refusal> violations) {
		String text = text(value);
		try {
			return text == null ? null : LocalDate.parse(text);
		}
		catch (DateTimeParseException e) {
			violations.add(Refusal.of(field, CommonRule.DateIsIsoFormat, value));
			return null;
		}
	}

	/** A whole number; {@code rule} names what a wrong one breaks (a year, a count). */
	public static Integer number(String field, String value, Rule rule, List<Refusal> violations) {
		String text = text(value);
		try {
			return text == null ? null : Integer.valueOf(text);
		}
		catch (NumberFormatException e) {
			violations.add(Refusal.of(field, rule, value));
			return null;
		}
	}

}
