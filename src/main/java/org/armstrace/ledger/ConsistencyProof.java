package org.armstrace.ledger;

import java.util.List;

/**
 * Proof that the tree of {@code to} entries extends the tree of {@code from} entries;
 * hashes in base64.
 */
public record ConsistencyProof(long from, long to, List<String> proof, SignedCheckpoint checkpoint) {
}
