package org.armstrace.command;

import java.util.List;
import java.util.UUID;

/**
 * What a command returns: the facts it recorded, or the rules it broke (and then nothing
 * is written).
 */
public sealed interface CommandResult {

	/**
	 * @param replayed true when an earlier command with the same idempotency key is
	 * answered again
	 */
	record Accepted(UUID subjectId, List<Long> ledgerSeqs, boolean replayed) implements CommandResult {
	}

	record Rejected(List<Refusal> violations) implements CommandResult {

		public Rejected {
			if (violations.isEmpty()) {
				throw new IllegalArgumentException("a rejection names at least one violation");
			}
			violations = List.copyOf(violations);
		}

		public static Rejected of(String field, Rule rule, Object... values) {
			return new Rejected(List.of(Refusal.of(field, rule, values)));
		}

	}

	default boolean accepted() {
		return this instanceof Accepted;
	}

}
