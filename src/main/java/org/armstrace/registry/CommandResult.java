package org.armstrace.registry;

import java.util.List;
import java.util.UUID;

/** What a registry command returns: the facts it recorded, or the rules it broke (and then nothing is written). */
public sealed interface CommandResult {

	/** @param replayed true when an earlier command with the same idempotency key is answered again */
	record Accepted(UUID subjectId, List<Long> ledgerSeqs, boolean replayed) implements CommandResult {
	}

	record Rejected(List<Violation> violations) implements CommandResult {

		public Rejected {
			if (violations.isEmpty()) {
				throw new IllegalArgumentException("a rejection names at least one violation");
			}
		}

	}

}
