package org.armstrace.ledger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param origin the first line of every checkpoint and the name of the node's signing key
 * @param checkpointEveryEntries sign a checkpoint at least every this many entries
 * @param checkpointEvery and at least this often while entries arrive
 */
@ConfigurationProperties("armstrace.ledger")
record LedgerProperties(String origin, int checkpointEveryEntries, Duration checkpointEvery) {

	LedgerProperties {
		if (origin == null || origin.isBlank() || origin.contains("\n")) {
			throw new IllegalArgumentException("armstrace.ledger.origin must be one non-blank line");
		}
		if (checkpointEveryEntries < 1) {
			throw new IllegalArgumentException("armstrace.ledger.checkpoint-every-entries must be >= 1");
		}
	}

}
