package org.armstrace.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.armstrace.reference.CountryCode;

/** Collects the violations of one command, field by field, so that a refusal lists every problem at once. */
final class Checks {

	private final List<Violation> violations = new ArrayList<>();

	Checks require(String field, Object value) {
		if (value == null || value instanceof String s && s.isBlank()) {
			add(field, "FieldIsRequired", field + " is required");
		}
		return this;
	}

	Checks maxLength(String field, String value, int max) {
		if (value != null && value.length() > max) {
			add(field, "FieldIsTooLong", field + " must be at most " + max + " characters");
		}
		return this;
	}

	Checks country(String field, String value) {
		if (value == null || value.isBlank()) {
			add(field, "FieldIsRequired", field + " is required (ISO 3166-1 alpha-3, e.g. AUT)");
		}
		else if (!CountryCode.isValid(value)) {
			add(field, "CountryIsIso3166Alpha3", field + " must be an ISO 3166-1 alpha-3 code (e.g. AUT), was '"
					+ value + "'");
		}
		return this;
	}

	Checks optionalCountry(String field, String value) {
		return value == null ? this : country(field, value);
	}

	Checks year(String field, Integer year) {
		if (year != null && (year < 1300 || year > LocalDate.now().getYear() + 1)) {
			add(field, "YearIsPlausible", field + " must be between 1300 and next year, was " + year);
		}
		return this;
	}

	Checks notInFuture(String field, LocalDate date) {
		if (date != null && date.isAfter(LocalDate.now())) {
			add(field, "DateIsNotInTheFuture", field + " must not be in the future, was " + date);
		}
		return this;
	}

	Checks serial(String field, String serial) {
		String problem = SerialNumbers.problem(serial);
		if (problem != null) {
			add(field, "SerialNumberFormat", field + " " + problem);
		}
		return this;
	}

	Checks positive(String field, long quantity) {
		if (quantity <= 0) {
			add(field, "QuantityIsPositive", field + " must be greater than 0, was " + quantity);
		}
		return this;
	}

	Checks rule(boolean holds, String field, String rule, String message) {
		if (!holds) {
			add(field, rule, message);
		}
		return this;
	}

	void add(String field, String rule, String message) {
		violations.add(new Violation(field, rule, message));
	}

	boolean failed() {
		return !violations.isEmpty();
	}

	List<Violation> violations() {
		return List.copyOf(violations);
	}

	static LocalDate orToday(LocalDate date) {
		return date == null ? LocalDate.now() : date;
	}

}
