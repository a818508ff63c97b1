package org.armstrace.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Takes valid proofs and breaks them at random (a flipped bit, a wrong index or size, a
 * hash dropped, added or moved, swapped roots): the verifier must reject every broken
 * proof, and never with anything but {@link InvalidProofException}.
 */
class ProofVerifierFuzzTests {

	static final int CASES = 5_000;

	final Random random = new Random(20261128L);

	final InMemoryTree tree = new InMemoryTree();

	ProofVerifierFuzzTests() {
		for (int i = 0; i < 300; i++) {
			tree.append(ByteBuffer.allocate(8).putLong(i).array());
		}
	}

	@Test
	void everyBrokenInclusionProofIsRejected() {
		int rejected = 0;
		for (int c = 0; c < CASES; c++) {
			long size = 1 + random.nextInt(250);
			long index = random.nextInt((int) size);
			byte[] leaf = tree.node(0, index);
			byte[] root = Proofs.root(size, tree);
			List<byte[]> proof = new ArrayList<>(Proofs.inclusion(index, size, tree));
			int mutation = random.nextInt(6);
			switch (mutation) {
				case 0 -> {
					if (proof.isEmpty()) {
						root = flip(root);
					}
					else {
						int at = random.nextInt(proof.size());
						proof.set(at, flip(proof.get(at)));
					}
				}
				case 1 -> index = index + 1 + random.nextInt((int) size + 3);
				case 2 -> {
					// a larger tree, with its true root: the old path must not prove the
					// leaf in it
					size = size + 1 + random.nextInt(40);
					root = Proofs.root(size, tree);
				}
				case 3 -> proof.add(random.nextInt(proof.size() + 1), randomHash());
				case 4 -> {
					if (proof.isEmpty()) {
						leaf = flip(leaf);
					}
					else {
						proof.remove(random.nextInt(proof.size()));
					}
				}
				default -> leaf = flip(leaf);
			}
			final long i = index;
			final long s = size;
			final byte[] l = leaf;
			final byte[] r = root;
			try {
				ProofVerifier.verifyInclusion(i, s, l, proof, r);
			}
			catch (InvalidProofException expected) {
				rejected++;
				continue;
			}
			throw new AssertionError(
					"accepted a broken inclusion proof: mutation " + mutation + ", index " + i + ", size " + s);
		}
		assertThat(rejected).isEqualTo(CASES);
	}

	@Test
	void everyBrokenConsistencyProofIsRejected() {
		int rejected = 0;
		for (int c = 0; c < CASES; c++) {
			long size2 = 2 + random.nextInt(249);
			long size1 = 1 + random.nextInt((int) size2 - 1);
			byte[] root1 = Proofs.root(size1, tree);
			byte[] root2 = Proofs.root(size2, tree);
			List<byte[]> proof = new ArrayList<>(Proofs.consistency(size1, size2, tree));
			int mutation = random.nextInt(6);
			switch (mutation) {
				case 0 -> {
					int at = random.nextInt(proof.size());
					proof.set(at, flip(proof.get(at)));
				}
				case 1 -> size1 = size1 == 1 ? 2 : size1 - 1;
				case 2 -> {
					size2 = size2 + 1 + random.nextInt(40);
					root2 = Proofs.root(size2, tree);
				}
				case 3 -> proof.add(random.nextInt(proof.size() + 1), randomHash());
				case 4 -> proof.remove(random.nextInt(proof.size()));
				default -> {
					byte[] swap = root1;
					root1 = root2;
					root2 = swap;
				}
			}
			try {
				ProofVerifier.verifyConsistency(size1, size2, proof, root1, root2);
			}
			catch (InvalidProofException expected) {
				rejected++;
				continue;
			}
			throw new AssertionError(
					"accepted a broken consistency proof: mutation " + mutation + ", sizes " + size1 + " -> " + size2);
		}
		assertThat(rejected).isEqualTo(CASES);
	}

	private byte[] flip(byte[] hash) {
		byte[] copy = hash.clone();
		copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
		return copy;
	}

	private byte[] randomHash() {
		byte[] hash = new byte[TreeHasher.HASH_SIZE];
		random.nextBytes(hash);
		return hash;
	}

}
