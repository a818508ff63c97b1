package org.armstrace.tracing;

import java.util.ArrayList;
import java.util.List;

import org.armstrace.command.Wording;

/**
 * One line of a candidate's explanation, as a code and its values: which character was
 * read as which, which attribute agreed. The words are {@code reason.<code>} in the
 * bundles.
 */
public record Reason(Code code, List<String> values) implements Wording {

	public enum Code {

		/** {0} read for {1} at position {2}. */
		CHARACTER_MISREAD,
		/** {0} differs from {1} at position {2}. */
		CHARACTER_DIFFERS,
		/** {0} transposed at positions {1}-{2}. */
		TRANSPOSED,
		/** {0} missing at the start. */
		MISSING_AT_START,
		/** {0} missing at the end. */
		MISSING_AT_END,
		/** {0} not observed at position {1}. */
		NOT_OBSERVED,
		/** {0} observed but not recorded. */
		OBSERVED_NOT_RECORDED,
		/** {0} unreadable characters '?' accepted. */
		UNREADABLE_ACCEPTED, RUN_ACCEPTED, EXACT,
		/** Attribute {0} agrees (recorded {1}). */
		ATTRIBUTE_AGREES,
		/** Attribute {0} differs: observed {1}, recorded {2}. */
		ATTRIBUTE_DIFFERS,
		/** Import marking {0} agrees. */
		IMPORT_MARKING_AGREES,
		/** Import marking differs: observed {0}, recorded {1}. */
		IMPORT_MARKING_DIFFERS,
		/** Year {0} within the observed range. */
		YEAR_WITHIN,
		/** Year {0} outside the observed range. */
		YEAR_OUTSIDE,
		/** The reading falls within a registered series (next to serial {0}). */
		IN_REGISTERED_SERIES,
		/** A marked part of kind {0}, fitted to a firearm on record. */
		MARKED_PART_FITTED,
		/** A marked part of kind {0}, fitted to no firearm on record. */
		MARKED_PART_NOT_FITTED, TIE,
		/**
		 * Attribute(s) {0} agree here and not on record {1}, whose serial fits as well.
		 */
		DECIDED_BY_ATTRIBUTE,
		/** Record {0} fits the serial nearly as well: not PROBABLE. */
		CLOSE_ALTERNATIVE

	}

	public Reason {
		values = List.copyOf(values);
	}

	static Reason of(Code code, Object... values) {
		List<String> texts = new ArrayList<>(values.length);
		for (Object value : values) {
			texts.add(String.valueOf(value));
		}
		return new Reason(code, texts);
	}

	@Override
	public String messageKey() {
		return "reason." + code;
	}

	@Override
	public List<String> arguments() {
		return values;
	}

}
