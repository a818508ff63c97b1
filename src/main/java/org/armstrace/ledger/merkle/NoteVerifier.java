package org.armstrace.ledger.merkle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Opens C2SP signed notes: returns the text if it carries a valid signature by this
 * verifier's key.
 */
public final class NoteVerifier {

	private final String keyName;

	private final byte[] keyId;

	private final PublicKey publicKey;

	public NoteVerifier(String keyName, PublicKey publicKey) {
		NoteKeys.requireValidName(keyName);
		this.keyName = keyName;
		this.publicKey = publicKey;
		this.keyId = NoteKeys.keyId(keyName, Ed25519Keys.rawPublicKey(publicKey));
	}

	/** From a verifier key {@code name+keyid+base64(0x01 || public key)}. */
	public static NoteVerifier fromVerifierKey(String verifierKey) {
		String[] parts = verifierKey == null ? new String[0] : verifierKey.trim().split("\\+", 3);
		if (parts.length != 3 || !parts[1].matches("[0-9a-f]{8}")) {
			throw new IllegalArgumentException("a verifier key reads name+8 hex digits+base64 key");
		}
		byte[] typed;
		try {
			typed = Base64.getDecoder().decode(parts[2]);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("the verifier key's key part is not base64");
		}
		if (typed.length != 33 || typed[0] != NoteKeys.ALGORITHM_ED25519) {
			throw new IllegalArgumentException("the verifier key is not an Ed25519 key (type 0x01, 32 bytes)");
		}
		byte[] raw = Arrays.copyOfRange(typed, 1, typed.length);
		NoteVerifier verifier = new NoteVerifier(parts[0], Ed25519Keys.publicKey(raw));
		if (!HexFormat.of().formatHex(verifier.keyId).equals(parts[1])) {
			throw new IllegalArgumentException("the verifier key's id " + parts[1] + " does not match its key");
		}
		return verifier;
	}

	public PublicKey publicKey() {
		return publicKey;
	}

	public String keyName() {
		return keyName;
	}

	/**
	 * @return the note's text (ending in a newline), signed by this key
	 */
	public String verify(String note) throws InvalidNoteException {
		if (note == null || !note.endsWith("\n")) {
			throw new InvalidNoteException("a signed note ends with a newline");
		}
		int split = note.lastIndexOf("\n\n");
		if (split < 0) {
			throw new InvalidNoteException("a signed note has a blank line before its signatures");
		}
		if (split + 2 >= note.length()) {
			// found by the fuzz test: "\n\n" and a note ending in its blank line have no
			// signature line at all
			throw new InvalidNoteException("a signed note has at least one signature line after its blank line");
		}
		String text = note.substring(0, split + 1);
		boolean sawOurKey = false;
		for (String line : note.substring(split + 2, note.length() - 1).split("\n", -1)) {
			if (!line.startsWith(NoteKeys.SIGNATURE_PREFIX)) {
				throw new InvalidNoteException("malformed signature line: '" + line + "'");
			}
			String[] nameAndSignature = line.substring(NoteKeys.SIGNATURE_PREFIX.length()).split(" ", -1);
			if (nameAndSignature.length != 2) {
				throw new InvalidNoteException("malformed signature line: '" + line + "'");
			}
			byte[] signature;
			try {
				signature = Base64.getDecoder().decode(nameAndSignature[1]);
			}
			catch (IllegalArgumentException e) {
				throw new InvalidNoteException("signature is not base64 on line: '" + line + "'");
			}
			if (!nameAndSignature[0].equals(keyName) || signature.length < 4
					|| !MessageDigest.isEqual(Arrays.copyOf(signature, 4), keyId)) {
				continue; // another key's signature (a witness's cosignature, say)
			}
			sawOurKey = true;
			if (signatureValid(text, Arrays.copyOfRange(signature, 4, signature.length))) {
				return text;
			}
		}
		throw new InvalidNoteException(sawOurKey ? "the signature by " + keyName + " does not verify"
				: "the note carries no signature by " + keyName);
	}

	private boolean signatureValid(String text, byte[] signature) {
		try {
			Signature ed25519 = Signature.getInstance("Ed25519");
			ed25519.initVerify(publicKey);
			ed25519.update(text.getBytes(StandardCharsets.UTF_8));
			return ed25519.verify(signature);
		}
		catch (GeneralSecurityException e) {
			return false;
		}
	}

}
