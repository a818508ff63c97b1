package org.armstrace.ledger;

import java.time.Instant;

import org.armstrace.ledger.merkle.Cosignature;

import java.security.GeneralSecurityException;
import java.security.Signature;

import org.armstrace.ledger.merkle.NoteVerifier;
import org.springframework.stereotype.Service;

/**
 * The node's Ed25519 key for what it signs besides checkpoints (messages to other
 * States), and the check of another node's signature by its verifier key. The key never
 * leaves this class.
 */
@Service
public class NodeSignatures {

	private final NodeKey key;

	NodeSignatures(NodeKey key) {
		this.key = key;
	}

	/** Ed25519 over {@code data} with the node's key. */
	public byte[] sign(byte[] data) {
		try {
			Signature signature = Signature.getInstance("Ed25519");
			signature.initSign(key.privateKey());
			signature.update(data);
			return signature.sign();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
		}
	}

	/**
	 * This node's cosignature, as a witness, of another node's checkpoint body (C2SP
	 * tlog-cosignature).
	 */
	public String cosign(String checkpointBody) {
		NoteVerifier own = NoteVerifier.fromVerifierKey(key.verifierKey());
		return Cosignature.line(own.keyName(), own.publicKey(), this::sign, Instant.now().getEpochSecond(),
				checkpointBody);
	}

	/** The node's verifier key, {@code name+keyid+base64}: what a peer configures. */
	public String verifierKey() {
		return key.verifierKey();
	}

	/**
	 * Whether {@code signature} is the Ed25519 signature of {@code data} by the key
	 * {@code verifierKey} names.
	 * @throws IllegalArgumentException when the verifier key is not one
	 */
	public static boolean verify(String verifierKey, byte[] data, byte[] signature) {
		NoteVerifier verifier = NoteVerifier.fromVerifierKey(verifierKey);
		try {
			Signature check = Signature.getInstance("Ed25519");
			check.initVerify(verifier.publicKey());
			check.update(data);
			return check.verify(signature);
		}
		catch (GeneralSecurityException e) {
			return false;
		}
	}

	/** Checks a verifier key's form. */
	public static void requireVerifierKey(String verifierKey) {
		NoteVerifier.fromVerifierKey(verifierKey);
	}

}
