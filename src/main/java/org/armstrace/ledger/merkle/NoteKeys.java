package org.armstrace.ledger.merkle;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The C2SP signed-note rules shared by signer and verifier: names, key ids, verifier
 * keys.
 */
final class NoteKeys {

	static final String SIGNATURE_PREFIX = "\u2014 ";

	static final byte ALGORITHM_ED25519 = 0x01;

	private NoteKeys() {
	}

	static void requireValidName(String name) {
		if (name == null || name.isEmpty() || name.contains("+") || name.codePoints()
			.anyMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.isISOControl(c))) {
			throw new IllegalArgumentException("a note key name is non-empty, without spaces or '+': '" + name + "'");
		}
	}

	static void requireValidText(String text) {
		if (text == null || !text.endsWith("\n")) {
			throw new IllegalArgumentException("note text must end with a newline");
		}
		if (text.chars().anyMatch(c -> c < 0x20 && c != '\n')) {
			throw new IllegalArgumentException("note text must not hold control characters other than newline");
		}
	}

	/** First 4 bytes of SHA-256(name || "\n" || 0x01 || public key). */
	static byte[] keyId(String name, byte[] rawPublicKey) {
		ByteArrayOutputStream input = new ByteArrayOutputStream();
		input.writeBytes(name.getBytes(StandardCharsets.UTF_8));
		input.write('\n');
		input.write(ALGORITHM_ED25519);
		input.writeBytes(rawPublicKey);
		try {
			return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(input.toByteArray()), 4);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	static String verifierKey(String name, byte[] rawPublicKey) {
		byte[] typed = new byte[1 + rawPublicKey.length];
		typed[0] = ALGORITHM_ED25519;
		System.arraycopy(rawPublicKey, 0, typed, 1, rawPublicKey.length);
		return name + "+" + HexFormat.of().formatHex(keyId(name, rawPublicKey)) + "+"
				+ Base64.getEncoder().encodeToString(typed);
	}

}
