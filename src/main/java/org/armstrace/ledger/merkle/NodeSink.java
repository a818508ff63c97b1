package org.armstrace.ledger.merkle;

/**
 * Told of every perfect subtree (level >= 1) that an append completes, so that storage
 * can keep it.
 */
@FunctionalInterface
public interface NodeSink {

	void completed(int level, long index, byte[] hash);

}
