package org.armstrace.ledger;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param origin the first line of every checkpoint and the name of the node's signing key
 * @param checkpointEveryEntries sign a checkpoint at least every this many entries
 * @param checkpointEvery and at least this often while entries arrive
 * @param appendWait how long a command waits for the ledger while another one appends,
 * before it is answered "busy, try again" (503 with Retry-After)
 * @param signCheckpoints whether this process signs checkpoints: the server does; a
 * command-line job (verify above all) never writes a head
 */
@ConfigurationProperties("armstrace.ledger")
record LedgerProperties(String origin, int checkpointEveryEntries, Duration checkpointEvery, Duration appendWait,
		Boolean signCheckpoints) {

	LedgerProperties {
		signCheckpoints = signCheckpoints == null || signCheckpoints;
		appendWait = appendWait == null ? Duration.ofSeconds(30) : appendWait;
		if (appendWait.isNegative() || appendWait.isZero() || appendWait.toMinutes() > 10) {
			throw new IllegalArgumentException("armstrace.ledger.append-wait must be between 1 ms and 10 minutes");
		}
		if (origin == null || origin.isBlank() || origin.contains("\n")) {
			throw new IllegalArgumentException("armstrace.ledger.origin must be one non-blank line");
		}
		if (checkpointEveryEntries < 1) {
			throw new IllegalArgumentException("armstrace.ledger.checkpoint-every-entries must be >= 1");
		}
	}

}
