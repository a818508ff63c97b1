package org.armstrace.ledger;

import java.util.List;

import org.armstrace.ledger.merkle.Checkpoint;
import org.armstrace.ledger.merkle.Cosignature;
import org.armstrace.ledger.merkle.InvalidNoteException;
import org.armstrace.ledger.merkle.InvalidProofException;
import org.armstrace.ledger.merkle.NoteVerifier;
import org.armstrace.ledger.merkle.ProofVerifier;

/**
 * What a witness checks of another node's ledger, through the pure Merkle core: a signed
 * checkpoint under the node's verifier key, a consistency proof between two of its trees,
 * and a cosignature.
 */
public final class PeerLogs {

	/** A checkpoint whose signature verified: its tree size, root and body. */
	public record Head(long size, byte[] rootHash, String body) {
	}

	private PeerLogs() {
	}

	/**
	 * The checkpoint {@code note} holds, once its signature by {@code verifierKey}'s key
	 * verifies.
	 * @throws IllegalArgumentException when it does not, or is not a checkpoint
	 */
	public static Head verifiedHead(String note, String verifierKey) {
		try {
			Checkpoint checkpoint = Checkpoint.parse(NoteVerifier.fromVerifierKey(verifierKey).verify(note));
			return new Head(checkpoint.size(), checkpoint.rootHash(), checkpoint.body());
		}
		catch (InvalidNoteException e) {
			throw new IllegalArgumentException(e.getMessage(), e);
		}
	}

	/**
	 * Whether {@code proof} shows the tree of {@code size2} extends the tree of
	 * {@code size1}.
	 */
	public static boolean consistent(long size1, long size2, List<byte[]> proof, byte[] root1, byte[] root2) {
		try {
			ProofVerifier.verifyConsistency(size1, size2, proof, root1, root2);
			return true;
		}
		catch (InvalidProofException | IllegalArgumentException e) {
			return false;
		}
	}

	/**
	 * Whether {@code line} is a cosignature of {@code body} by {@code verifierKey}'s key.
	 */
	public static boolean cosignatureVerifies(String line, String verifierKey, String body) {
		return Cosignature.verifies(line, verifierKey, body);
	}

}
