package org.armstrace.command;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.armstrace.ledger.LedgerEvent;
import org.armstrace.reference.CountryCode;

/**
 * Collects the refusals of one command, field by field, so that a refusal lists every
 * problem at once. The checks every module shares are here, each naming a
 * {@link CommonRule}; a module adds its own with
 * {@link #rule(boolean, String, Rule, Object...)}.
 */
public final class Checks {

	/** The earliest plausible year of manufacture. */
	public static final int FIRST_YEAR = 1300;

	private final List<Refusal> refusals = new ArrayList<>();

	public Checks require(String field, Object value) {
		if (value == null || value instanceof String s && s.isBlank()) {
			add(field, CommonRule.FieldIsRequired);
		}
		return this;
	}

	public Checks maxLength(String field, String value, int max) {
		if (value != null && value.length() > max) {
			add(field, CommonRule.FieldIsTooLong, max);
		}
		return this;
	}

	/**
	 * A required ISO 3166-1 alpha-3 code, exactly as stored (upper case): a command that
	 * accepts names ("Autriche") maps them with the reference module's {@code Countries}
	 * before it checks and records the value.
	 */
	public Checks country(String field, String value) {
		if (value == null || value.isBlank()) {
			add(field, CommonRule.FieldIsRequired);
		}
		else if (!CountryCode.isValid(value)) {
			add(field, CommonRule.CountryIsIso3166Alpha3, value);
		}
		return this;
	}

	public Checks optionalCountry(String field, String value) {
		return value == null || value.isBlank() ? this : country(field, value);
	}

	public Checks year(String field, Integer year) {
		if (year != null && (year < FIRST_YEAR || year > LocalDate.now().getYear() + 1)) {
			add(field, CommonRule.YearIsPlausible, year);
		}
		return this;
	}

	public Checks notInFuture(String field, LocalDate date) {
		if (date != null && date.isAfter(LocalDate.now())) {
			add(field, CommonRule.DateIsNotInTheFuture, date);
		}
		return this;
	}

	/** {@code later} is not before {@code earlier} (both optional). */
	public Checks inOrder(String field, LocalDate earlier, LocalDate later, String earlierField) {
		if (earlier != null && later != null && later.isBefore(earlier)) {
			add(field, CommonRule.DateIsInOrder, earlierField, later, earlier);
		}
		return this;
	}

	public Checks positive(String field, long quantity) {
		if (quantity <= 0) {
			add(field, CommonRule.QuantityIsPositive, quantity);
		}
		return this;
	}

	public Checks inRange(String field, long value, long min, long max) {
		if (value < min || value > max) {
			add(field, CommonRule.NumberIsInRange, min, max, value);
		}
		return this;
	}

	/** Adds the refusal when {@code holds} is false. */
	public Checks rule(boolean holds, String field, Rule rule, Object... values) {
		if (!holds) {
			add(field, rule, values);
		}
		return this;
	}

	public Checks add(String field, Rule rule, Object... values) {
		refusals.add(Refusal.of(field, rule, values));
		return this;
	}

	public Checks add(Refusal refusal) {
		refusals.add(refusal);
		return this;
	}

	public Checks addAll(List<Refusal> more) {
		refusals.addAll(more);
		return this;
	}

	public boolean failed() {
		return !refusals.isEmpty();
	}

	public List<Refusal> refusals() {
		return List.copyOf(refusals);
	}

	/** The refusal as a decision (only when {@link #failed()}). */
	public <E extends LedgerEvent> Decision<E> refuse() {
		return Decision.refuse(refusals);
	}

	public static LocalDate orToday(LocalDate date) {
		return date == null ? LocalDate.now() : date;
	}

}
