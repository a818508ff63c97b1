package org.armstrace.licensing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.UUID;

/**
 * The code a licence document carries: 16 characters of Crockford's base 32 (no I, L, O,
 * U) from a SHA-256 of the licence's id, grouped by four. The id is random and printed
 * nowhere, so the code cannot be derived from the licence's number; 80 bits make guessing
 * one hopeless.
 */
public final class VerificationCode {

	private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

	private VerificationCode() {
	}

	static String of(UUID licenceId) {
		return of("licence", licenceId);
	}

	/**
	 * The code of a document of another kind (a transfer authorisation, say): the kind
	 * enters the hash, so two documents never share a code.
	 */
	public static String of(String kind, UUID id) {
		byte[] hash;
		try {
			hash = MessageDigest.getInstance("SHA-256")
				.digest(("armstrace " + kind + " verification " + id).getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
		StringBuilder code = new StringBuilder();
		long bits = 0;
		int held = 0;
		for (int i = 0; code.length() < 19; i++) {
			bits = (bits << 8) | (hash[i] & 0xFF);
			held += 8;
			while (held >= 5 && code.length() < 19) {
				if (code.length() % 5 == 4) {
					code.append('-');
				}
				code.append(ALPHABET.charAt((int) (bits >> (held - 5)) & 31));
				held -= 5;
			}
		}
		return code.toString();
	}

	/**
	 * A code as someone typed it: case, spaces and the letters read for digits forgiven.
	 */
	public static String normalise(String typed) {
		String plain = typed.toUpperCase(Locale.ROOT)
			.replaceAll("[^0-9A-Z]", "")
			.replace('O', '0')
			.replace('I', '1')
			.replace('L', '1');
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < plain.length(); i++) {
			if (i > 0 && i % 4 == 0) {
				code.append('-');
			}
			code.append(plain.charAt(i));
		}
		return code.toString();
	}

}
