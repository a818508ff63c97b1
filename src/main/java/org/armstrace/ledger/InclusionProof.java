package org.armstrace.ledger;

import java.util.Base64;
import java.util.List;

import org.armstrace.ledger.merkle.InvalidProofException;
import org.armstrace.ledger.merkle.ProofVerifier;
import org.armstrace.ledger.merkle.TreeHasher;

/**
 * Audit path of entry {@code index} in the tree of {@code checkpoint.treeSize()} entries;
 * hashes in base64.
 */
public record InclusionProof(long index, long treeSize, String leafHash, List<String> proof,
		SignedCheckpoint checkpoint) {

	/**
	 * Whether these exact entry bytes are leaf {@code index} of the signed tree: the leaf
	 * hash is recomputed from the bytes, not taken from storage.
	 */
	public boolean verifies(byte[] canonicalJson) {
		try {
			ProofVerifier.verifyInclusion(index, treeSize, TreeHasher.leafHash(canonicalJson),
					proof.stream().map(Base64.getDecoder()::decode).toList(), checkpoint.rootHash());
			return true;
		}
		catch (InvalidProofException e) {
			return false;
		}
	}

}
