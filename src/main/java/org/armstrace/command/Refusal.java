package org.armstrace.command;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One broken rule: which field of the command, which named rule, and the values involved.
 * Its sentence is {@code rule.<Rule>} in the bundles, with the field as {@code {0}} and
 * the values as {@code {1}, {2} …}.
 */
public record Refusal(String field, Rule rule, List<String> values) implements Wording {

	public Refusal {
		Objects.requireNonNull(field, "field");
		Objects.requireNonNull(rule, "rule");
		values = List.copyOf(values);
	}

	/** A refusal naming {@code values} (each written as text; null as an empty text). */
	public static Refusal of(String field, Rule rule, Object... values) {
		List<String> texts = new ArrayList<>(values.length);
		for (Object value : values) {
			texts.add(value == null ? "" : value.toString());
		}
		return new Refusal(field, rule, texts);
	}

	/**
	 * The same refusal about another field (e.g. a nested command's field seen from its
	 * caller).
	 */
	public Refusal about(String otherField) {
		return new Refusal(otherField, rule, values);
	}

	@Override
	public String messageKey() {
		return "rule." + rule.name();
	}

	@Override
	public List<String> arguments() {
		List<String> arguments = new ArrayList<>(values.size() + 1);
		arguments.add(field);
		arguments.addAll(values);
		return arguments;
	}

}
