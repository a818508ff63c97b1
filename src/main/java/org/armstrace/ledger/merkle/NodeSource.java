package org.armstrace.ledger.merkle;

/**
 * Where proofs read hashes from: the hash of the perfect subtree at {@code level} and
 * {@code index}, which covers leaves [index·2^level, (index+1)·2^level). Level 0 is a
 * leaf hash.
 */
@FunctionalInterface
public interface NodeSource {

	byte[] node(int level, long index);

}
