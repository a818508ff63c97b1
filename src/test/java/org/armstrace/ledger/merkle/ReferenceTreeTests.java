package org.armstrace.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cross-checks the frontier and the proof builder against a naive tree written straight
 * from the definitions of RFC 9162 §2.1 (MTH, PATH, PROOF), for every size up to 70 and
 * every index and pair of sizes.
 */
class ReferenceTreeTests {

	static final int MAX = 70;

	static final InMemoryTree tree = new InMemoryTree();

	static final List<byte[]> leaves = new ArrayList<>();

	@BeforeAll
	static void grow() {
		for (int i = 0; i < MAX; i++) {
			tree.append(ByteBuffer.allocate(4).putInt(i * 7919).array());
		}
		leaves.addAll(tree.leafHashes());
	}

	@Test
	void rootsAgreeWithTheDefinitionAtEverySize() {
		for (int size = 0; size <= MAX; size++) {
			assertThat(Proofs.root(size, tree)).as("size %d", size).isEqualTo(mth(0, size));
			assertThat(Frontier.load(size, tree).root()).as("size %d", size).isEqualTo(mth(0, size));
		}
	}

	@Test
	void inclusionProofsAgreeWithTheDefinitionAndVerify() throws Exception {
		for (int size = 1; size <= MAX; size++) {
			for (int index = 0; index < size; index++) {
				List<byte[]> proof = Proofs.inclusion(index, size, tree);
				assertThat(proof).usingElementComparator(Arrays::compare)
					.as("PATH(%d, D[%d])", index, size)
					.containsExactlyElementsOf(path(index, 0, size));
				ProofVerifier.verifyInclusion(index, size, leaves.get(index), proof, mth(0, size));
			}
		}
	}

	@Test
	void consistencyProofsAgreeWithTheDefinitionAndVerify() throws Exception {
		for (int size2 = 1; size2 <= MAX; size2++) {
			for (int size1 = 1; size1 <= size2; size1++) {
				List<byte[]> proof = Proofs.consistency(size1, size2, tree);
				List<byte[]> expected = size1 == size2 ? List.of() : subproof(size1, 0, size2, true);
				assertThat(proof).usingElementComparator(Arrays::compare)
					.as("PROOF(%d, D[%d])", size1, size2)
					.containsExactlyElementsOf(expected);
				ProofVerifier.verifyConsistency(size1, size2, proof, mth(0, size1), mth(0, size2));
			}
		}
	}

	// The definitions, recursively over the leaf hashes, with nothing stored.

	static byte[] mth(int begin, int end) {
		int n = end - begin;
		if (n == 0) {
			return TreeHasher.emptyRoot();
		}
		if (n == 1) {
			return leaves.get(begin);
		}
		int k = Integer.highestOneBit(n - 1);
		return TreeHasher.nodeHash(mth(begin, begin + k), mth(begin + k, end));
	}

	static List<byte[]> path(int m, int begin, int end) {
		int n = end - begin;
		List<byte[]> out = new ArrayList<>();
		if (n == 1) {
			return out;
		}
		int k = Integer.highestOneBit(n - 1);
		if (m < k) {
			out.addAll(path(m, begin, begin + k));
			out.add(mth(begin + k, end));
		}
		else {
			out.addAll(path(m - k, begin + k, end));
			out.add(mth(begin, begin + k));
		}
		return out;
	}

	static List<byte[]> subproof(int m, int begin, int end, boolean complete) {
		int n = end - begin;
		List<byte[]> out = new ArrayList<>();
		if (m == n) {
			if (!complete) {
				out.add(mth(begin, end));
			}
			return out;
		}
		int k = Integer.highestOneBit(n - 1);
		if (m <= k) {
			out.addAll(subproof(m, begin, begin + k, complete));
			out.add(mth(begin + k, end));
		}
		else {
			out.addAll(subproof(m - k, begin + k, end, false));
			out.add(mth(begin, begin + k));
		}
		return out;
	}

}
