package org.armstrace.ledger.merkle;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds RFC 9162 §2.1.3 inclusion and §2.1.4 consistency proofs, and roots, from stored
 * perfect subtrees. Every hash in a proof is the root of a range of leaves, assembled
 * from at most 2·log2(n) perfect subtrees.
 */
public final class Proofs {

	private Proofs() {
	}

	/** MTH(D[0:size]). */
	public static byte[] root(long size, NodeSource source) {
		if (size < 0) {
			throw new IllegalArgumentException("size must be >= 0, was " + size);
		}
		return size == 0 ? TreeHasher.emptyRoot() : rangeRoot(0, size, source);
	}

	/** PATH(index, D[0:size]). */
	public static List<byte[]> inclusion(long index, long size, NodeSource source) {
		if (index < 0 || index >= size) {
			throw new IllegalArgumentException("index must be in [0, " + size + "), was " + index);
		}
		List<byte[]> proof = new ArrayList<>();
		path(index, 0, size, source, proof);
		return proof;
	}

	/** PROOF(size1, D[0:size2]); empty when the sizes are equal. */
	public static List<byte[]> consistency(long size1, long size2, NodeSource source) {
		if (size1 < 1 || size1 > size2) {
			throw new IllegalArgumentException(
					"consistency proofs need 1 <= size1 <= size2, were " + size1 + " and " + size2);
		}
		List<byte[]> proof = new ArrayList<>();
		if (size1 < size2) {
			subproof(size1, 0, size2, true, source, proof);
		}
		return proof;
	}

	private static void path(long m, long begin, long end, NodeSource source, List<byte[]> proof) {
		long n = end - begin;
		if (n == 1) {
			return;
		}
		long k = largestPowerOfTwoBelow(n);
		if (m < k) {
			path(m, begin, begin + k, source, proof);
			proof.add(rangeRoot(begin + k, end, source));
		}
		else {
			path(m - k, begin + k, end, source, proof);
			proof.add(rangeRoot(begin, begin + k, source));
		}
	}

	private static void subproof(long m, long begin, long end, boolean complete, NodeSource source,
			List<byte[]> proof) {
		long n = end - begin;
		if (m == n) {
			if (!complete) {
				proof.add(rangeRoot(begin, end, source));
			}
			return;
		}
		long k = largestPowerOfTwoBelow(n);
		if (m <= k) {
			subproof(m, begin, begin + k, complete, source, proof);
			proof.add(rangeRoot(begin + k, end, source));
		}
		else {
			subproof(m - k, begin + k, end, false, source, proof);
			proof.add(rangeRoot(begin, begin + k, source));
		}
	}

	/**
	 * The hash of leaves [begin, end), where begin is a multiple of the largest power of
	 * two not above end - begin (true of every range the RFC's recursion visits).
	 */
	static byte[] rangeRoot(long begin, long end, NodeSource source) {
		long n = end - begin;
		if (Long.bitCount(n) == 1) {
			int level = Long.numberOfTrailingZeros(n);
			return source.node(level, begin >>> level);
		}
		long k = largestPowerOfTwoBelow(n);
		return TreeHasher.nodeHash(rangeRoot(begin, begin + k, source), rangeRoot(begin + k, end, source));
	}

	/** The largest power of two strictly less than n (n >= 2). */
	static long largestPowerOfTwoBelow(long n) {
		return Long.highestOneBit(n - 1);
	}

}
