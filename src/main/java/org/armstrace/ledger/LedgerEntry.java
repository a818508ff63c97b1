package org.armstrace.ledger;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * One stored entry. {@code canonicalJson} are the exact bytes that were hashed into the
 * tree ({@code leafHash = SHA-256(0x00 || canonicalJson)}); the other fields repeat what
 * those bytes say.
 */
public record LedgerEntry(long seq, UUID eventId, String type, int schemaVersion, Instant recordedAt, String actor,
		String subjectId, byte[] canonicalJson, byte[] leafHash) {

	public String json() {
		return new String(canonicalJson, StandardCharsets.UTF_8);
	}

}
