package org.armstrace.ledger.merkle;

import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;

/**
 * Checks RFC 9162 inclusion (§2.1.3.2) and consistency (§2.1.4.2) proofs. Pure functions:
 * they need nothing but the proof, the sizes and the hashes a verifier already trusts
 * (from a signed checkpoint).
 */
public final class ProofVerifier {

	private ProofVerifier() {
	}

	/**
	 * Proves that {@code leafHash} is leaf {@code index} of the tree of {@code size}
	 * leaves with {@code root}.
	 */
	public static void verifyInclusion(long index, long size, byte[] leafHash, List<byte[]> proof, byte[] root)
			throws InvalidProofException {
		requireHash("root", root);
		byte[] computed = rootFromInclusionProof(index, size, leafHash, proof);
		if (!MessageDigest.isEqual(computed, root)) {
			throw new InvalidProofException(
					"root mismatch: the proof leads to " + b64(computed) + ", expected " + b64(root));
		}
	}

	/** The root that an inclusion proof leads to. */
	public static byte[] rootFromInclusionProof(long index, long size, byte[] leafHash, List<byte[]> proof)
			throws InvalidProofException {
		if (index < 0 || index >= size) {
			throw new InvalidProofException("index " + index + " is outside a tree of size " + size);
		}
		requireHash("leaf hash", leafHash);
		List<byte[]> path = proof == null ? List.of() : proof;
		int expected = inclusionProofLength(index, size);
		if (path.size() != expected) {
			throw new InvalidProofException("the proof has " + path.size() + " hashes, a proof of leaf " + index
					+ " in a tree of size " + size + " has " + expected);
		}
		long fn = index;
		long sn = size - 1;
		byte[] r = leafHash;
		for (byte[] p : path) {
			requireHash("proof hash", p);
			if ((fn & 1) == 1 || fn == sn) {
				r = TreeHasher.nodeHash(p, r);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>>= 1;
					sn >>>= 1;
				}
			}
			else {
				r = TreeHasher.nodeHash(r, p);
			}
			fn >>>= 1;
			sn >>>= 1;
		}
		if (sn != 0) {
			throw new InvalidProofException("the proof is too short for a tree of size " + size);
		}
		return r;
	}

	/**
	 * Proves that the tree of {@code size2} leaves with {@code root2} extends the tree of
	 * {@code size1}.
	 */
	public static void verifyConsistency(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2)
			throws InvalidProofException {
		List<byte[]> path = proof == null ? List.of() : proof;
		if (size1 < 0 || size2 < size1) {
			throw new InvalidProofException("size2 (" + size2 + ") must not be smaller than size1 (" + size1 + ")");
		}
		if (size1 == 0) {
			// every tree extends the empty one: such a proof would prove nothing, so none
			// is accepted
			throw new InvalidProofException("a consistency proof from the empty tree proves nothing");
		}
		if (size1 == size2) {
			if (!path.isEmpty()) {
				throw new InvalidProofException(
						"trees of equal size need an empty proof, got " + path.size() + " hashes");
			}
			if (root1 == null || !MessageDigest.isEqual(root1, root2)) {
				throw new InvalidProofException("trees of equal size " + size1 + " have different roots");
			}
			return;
		}
		if (path.isEmpty()) {
			throw new InvalidProofException("a consistency proof between different sizes cannot be empty");
		}
		requireHash("root1", root1);
		requireHash("root2", root2);
		int shift = Long.numberOfTrailingZeros(size1);
		boolean size1IsPowerOfTwo = size1 == 1L << shift;
		int expected = inclusionProofLength(size1 - 1, size2) - shift + (size1IsPowerOfTwo ? 0 : 1);
		if (path.size() != expected) {
			throw new InvalidProofException("the proof has " + path.size() + " hashes, a consistency proof from "
					+ size1 + " to " + size2 + " has " + expected);
		}
		byte[] seed = size1IsPowerOfTwo ? root1 : path.getFirst();
		byte[][] roots = consistencyRoots(size1, size2, seed, path.subList(size1IsPowerOfTwo ? 0 : 1, path.size()));
		if (!MessageDigest.isEqual(roots[0], root1)) {
			throw new InvalidProofException(
					"the proof does not lead to root1: got " + b64(roots[0]) + ", expected " + b64(root1));
		}
		if (!MessageDigest.isEqual(roots[1], root2)) {
			throw new InvalidProofException(
					"the proof does not lead to root2: got " + b64(roots[1]) + ", expected " + b64(root2));
		}
	}

	/**
	 * The two roots a consistency proof leads to from {@code seed} (RFC 9162, 2.1.4.2):
	 * {first, second}.
	 */
	private static byte[][] consistencyRoots(long size1, long size2, byte[] seed, List<byte[]> path)
			throws InvalidProofException {
		long fn = size1 - 1;
		long sn = size2 - 1;
		while ((fn & 1) == 1) {
			fn >>>= 1;
			sn >>>= 1;
		}
		byte[] fr = seed;
		byte[] sr = seed;
		requireHash("proof hash", seed);
		for (byte[] c : path) {
			requireHash("proof hash", c);
			if (sn == 0) {
				throw new InvalidProofException("the proof is too long");
			}
			if ((fn & 1) == 1 || fn == sn) {
				fr = TreeHasher.nodeHash(c, fr);
				sr = TreeHasher.nodeHash(c, sr);
				while ((fn & 1) == 0 && fn != 0) {
					fn >>>= 1;
					sn >>>= 1;
				}
			}
			else {
				sr = TreeHasher.nodeHash(sr, c);
			}
			fn >>>= 1;
			sn >>>= 1;
		}
		if (sn != 0) {
			throw new InvalidProofException("the proof is too short");
		}
		return new byte[][] { fr, sr };
	}

	/**
	 * Length of an inclusion proof: the levels below the split where the paths of
	 * {@code index} and of the last leaf part (inner), plus the set bits of index above
	 * it (border).
	 */
	private static int inclusionProofLength(long index, long size) {
		int inner = 64 - Long.numberOfLeadingZeros(index ^ (size - 1));
		int border = Long.bitCount(index >>> inner);
		return inner + border;
	}

	private static void requireHash(String what, byte[] hash) throws InvalidProofException {
		if (hash == null || hash.length != TreeHasher.HASH_SIZE) {
			throw new InvalidProofException(what + " must be " + TreeHasher.HASH_SIZE + " bytes, was "
					+ (hash == null ? "missing" : hash.length + " bytes"));
		}
	}

	private static String b64(byte[] hash) {
		return Base64.getEncoder().encodeToString(hash);
	}

}
