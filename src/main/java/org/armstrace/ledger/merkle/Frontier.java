package org.armstrace.ledger.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * The compact right edge of a tree of {@code size} leaves: one hash per set bit of size,
 * the largest perfect subtree first. Enough to append a leaf in O(log n) hashes and to
 * compute the root. Not thread-safe: a writer works on its own {@link #copy()}.
 */
public final class Frontier {

	private final List<byte[]> hashes;

	private long size;

	private Frontier(long size, List<byte[]> hashes) {
		this.size = size;
		this.hashes = hashes;
	}

	public static Frontier empty() {
		return new Frontier(0, new ArrayList<>());
	}

	public static Frontier of(long size, List<byte[]> hashes) {
		if (size < 0) {
			throw new IllegalArgumentException("size must be >= 0, was " + size);
		}
		if (hashes.size() != Long.bitCount(size)) {
			throw new IllegalArgumentException("a tree of size " + size + " has " + Long.bitCount(size)
					+ " frontier hashes, got " + hashes.size());
		}
		return new Frontier(size, new ArrayList<>(hashes.stream().map(byte[]::clone).toList()));
	}

	/**
	 * Reads the frontier of a tree of {@code size} leaves: the perfect subtrees named by
	 * the bits of size.
	 */
	public static Frontier load(long size, NodeSource source) {
		List<byte[]> hashes = new ArrayList<>();
		for (int level = 63 - Long.numberOfLeadingZeros(Math.max(size, 1)); level >= 0; level--) {
			if ((size >>> level & 1) == 1) {
				hashes.add(source.node(level, (size >>> level) - 1));
			}
		}
		return of(size, hashes);
	}

	/**
	 * Appends a leaf; each perfect subtree it completes is merged and told to the sink.
	 */
	public void append(byte[] leafHash, NodeSink sink) {
		byte[] hash = leafHash;
		int level = 0;
		long index = size;
		while ((size >>> level & 1) == 1) {
			hash = TreeHasher.nodeHash(hashes.removeLast(), hash);
			level++;
			index >>>= 1;
			sink.completed(level, index, hash);
		}
		hashes.add(hash);
		size++;
	}

	public long size() {
		return size;
	}

	/** The RFC 9162 Merkle tree hash of the leaves so far. */
	public byte[] root() {
		if (hashes.isEmpty()) {
			return TreeHasher.emptyRoot();
		}
		byte[] root = hashes.getLast();
		for (int i = hashes.size() - 2; i >= 0; i--) {
			root = TreeHasher.nodeHash(hashes.get(i), root);
		}
		return root;
	}

	public List<byte[]> hashes() {
		return hashes.stream().map(byte[]::clone).toList();
	}

	public Frontier copy() {
		return new Frontier(size, new ArrayList<>(hashes));
	}

}
