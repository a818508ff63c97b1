package org.armstrace.ledger;

import java.time.Instant;
import java.util.Base64;

/**
 * A tree head this node signed: the C2SP signed note exactly as served, with when it was
 * signed.
 */
public record SignedCheckpoint(long treeSize, byte[] rootHash, Instant signedAt, String note) {

	public String rootHashBase64() {
		return Base64.getEncoder().encodeToString(rootHash);
	}

}
