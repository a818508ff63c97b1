package org.armstrace.ledger.merkle;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * Signs notes in the C2SP signed-note format with an Ed25519 key: the text, a blank line,
 * then {@code — <key name> base64(key id || signature)}.
 */
public final class NoteSigner {

	private final String keyName;

	private final PrivateKey privateKey;

	private final byte[] rawPublicKey;

	public NoteSigner(String keyName, PrivateKey privateKey, PublicKey publicKey) {
		NoteKeys.requireValidName(keyName);
		this.keyName = keyName;
		this.privateKey = privateKey;
		this.rawPublicKey = Ed25519Keys.rawPublicKey(publicKey);
	}

	public String keyName() {
		return keyName;
	}

	/**
	 * {@code name+keyid+base64(0x01 || public key)}, as Go's note package and the
	 * witnesses read it.
	 */
	public String verifierKey() {
		return NoteKeys.verifierKey(keyName, rawPublicKey);
	}

	public String sign(String text) {
		NoteKeys.requireValidText(text);
		try {
			Signature ed25519 = Signature.getInstance("Ed25519");
			ed25519.initSign(privateKey);
			ed25519.update(text.getBytes(StandardCharsets.UTF_8));
			byte[] signature = ed25519.sign();
			byte[] line = new byte[4 + signature.length];
			System.arraycopy(NoteKeys.keyId(keyName, rawPublicKey), 0, line, 0, 4);
			System.arraycopy(signature, 0, line, 4, signature.length);
			return text + "\n" + NoteKeys.SIGNATURE_PREFIX + keyName + " " + Base64.getEncoder().encodeToString(line)
					+ "\n";
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("cannot sign with the Ed25519 key " + keyName, e);
		}
	}

}
