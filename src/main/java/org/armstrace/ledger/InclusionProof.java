package org.armstrace.ledger;

import java.util.List;

/** Audit path of entry {@code index} in the tree of {@code checkpoint.treeSize()} entries; hashes in base64. */
public record InclusionProof(long index, long treeSize, String leafHash, List<String> proof,
		SignedCheckpoint checkpoint) {
}
