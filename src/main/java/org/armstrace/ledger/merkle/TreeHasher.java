package org.armstrace.ledger.merkle;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * RFC 9162 §2.1.1 hashing with domain separation: 0x00 before a leaf, 0x01 before two
 * children.
 */
public final class TreeHasher {

	public static final int HASH_SIZE = 32;

	private static final byte LEAF_PREFIX = 0x00;

	private static final byte NODE_PREFIX = 0x01;

	private TreeHasher() {
	}

	public static byte[] leafHash(byte[] entry) {
		MessageDigest sha256 = sha256();
		sha256.update(LEAF_PREFIX);
		return sha256.digest(entry);
	}

	public static byte[] nodeHash(byte[] left, byte[] right) {
		MessageDigest sha256 = sha256();
		sha256.update(NODE_PREFIX);
		sha256.update(left);
		return sha256.digest(right);
	}

	/** The root of the empty tree: SHA-256 of no bytes. */
	public static byte[] emptyRoot() {
		return sha256().digest();
	}

	private static MessageDigest sha256() {
		try {
			return MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

}
