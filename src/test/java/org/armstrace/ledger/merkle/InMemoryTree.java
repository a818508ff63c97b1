package org.armstrace.ledger.merkle;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A tree kept in maps, built the way the ledger builds its tables: leaves, plus the nodes
 * the frontier reports.
 */
final class InMemoryTree implements NodeSource {

	private final List<byte[]> leaves = new ArrayList<>();

	private final Map<String, byte[]> nodes = new HashMap<>();

	private final Frontier frontier = Frontier.empty();

	void append(byte[] entry) {
		byte[] leaf = TreeHasher.leafHash(entry);
		leaves.add(leaf);
		frontier.append(leaf, (level, index, hash) -> nodes.put(level + "/" + index, hash));
	}

	Frontier frontier() {
		return frontier;
	}

	List<byte[]> leafHashes() {
		return leaves;
	}

	@Override
	public byte[] node(int level, long index) {
		byte[] hash = level == 0 ? leaves.get((int) index) : nodes.get(level + "/" + index);
		if (hash == null) {
			throw new IllegalStateException("no node at level " + level + ", index " + index);
		}
		return hash;
	}

}
