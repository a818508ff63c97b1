package org.armstrace.ledger.merkle;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Ed25519 keys with the JDK's own provider: raw 32-byte forms, and PEM files holding both
 * halves.
 */
public final class Ed25519Keys {

	/** X.509 SubjectPublicKeyInfo before the 32 raw bytes (RFC 8410). */
	private static final byte[] PUBLIC_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");

	/** PKCS#8 PrivateKeyInfo before the 32-byte seed (RFC 8410). */
	private static final byte[] PRIVATE_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

	private Ed25519Keys() {
	}

	public static KeyPair generate() {
		try {
			return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("Ed25519 is part of every JDK since 15", e);
		}
	}

	public static byte[] rawPublicKey(PublicKey key) {
		byte[] encoded = key.getEncoded();
		return Arrays.copyOfRange(encoded, encoded.length - 32, encoded.length);
	}

	public static PublicKey publicKey(byte[] raw) {
		if (raw.length != 32) {
			throw new IllegalArgumentException("an Ed25519 public key is 32 bytes, got " + raw.length);
		}
		return (PublicKey) decode(true, concat(PUBLIC_PREFIX, raw));
	}

	/**
	 * The private key from its 32-byte seed (as Go's note keys and RFC 8032 store it).
	 */
	public static PrivateKey privateKeyFromSeed(byte[] seed) {
		if (seed.length != 32) {
			throw new IllegalArgumentException("an Ed25519 seed is 32 bytes, got " + seed.length);
		}
		return (PrivateKey) decode(false, concat(PRIVATE_PREFIX, seed));
	}

	public static String toPem(KeyPair pair) {
		return pem("PRIVATE KEY", pair.getPrivate().getEncoded()) + pem("PUBLIC KEY", pair.getPublic().getEncoded());
	}

	public static KeyPair keyPairFromPem(String pem) {
		PrivateKey privateKey = (PrivateKey) decode(false, block(pem, "PRIVATE KEY"));
		PublicKey publicKey = (PublicKey) decode(true, block(pem, "PUBLIC KEY"));
		return new KeyPair(publicKey, privateKey);
	}

	private static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	private static byte[] block(String pem, String type) {
		String begin = "-----BEGIN " + type + "-----";
		String end = "-----END " + type + "-----";
		int from = pem.indexOf(begin);
		int to = pem.indexOf(end);
		if (from < 0 || to < from) {
			throw new IllegalArgumentException("no " + type + " block in the PEM text");
		}
		return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
	}

	private static Key decode(boolean isPublic, byte[] der) {
		try {
			KeyFactory factory = KeyFactory.getInstance("Ed25519");
			return isPublic ? factory.generatePublic(new X509EncodedKeySpec(der))
					: factory.generatePrivate(new PKCS8EncodedKeySpec(der));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalArgumentException("not an Ed25519 " + (isPublic ? "public" : "private") + " key", e);
		}
	}

	private static byte[] concat(byte[] a, byte[] b) {
		byte[] out = Arrays.copyOf(a, a.length + b.length);
		System.arraycopy(b, 0, out, a.length, b.length);
		return out;
	}

}
