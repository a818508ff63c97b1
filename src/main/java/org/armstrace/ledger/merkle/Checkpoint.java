package org.armstrace.ledger.merkle;

import java.util.Arrays;
import java.util.Base64;

/**
 * A C2SP tlog-checkpoint body: the origin line, the tree size in decimal, the base64 root
 * hash, each ending in a newline. Extension lines after the root are allowed when parsing
 * and ignored.
 */
public record Checkpoint(String origin, long size, byte[] rootHash) {

	public Checkpoint {
		if (origin == null || origin.isEmpty() || origin.contains("\n")) {
			throw new IllegalArgumentException("origin must be one non-empty line");
		}
		if (size < 0) {
			throw new IllegalArgumentException("tree size must be >= 0, was " + size);
		}
		if (rootHash == null || rootHash.length != TreeHasher.HASH_SIZE) {
			throw new IllegalArgumentException("root hash must be " + TreeHasher.HASH_SIZE + " bytes");
		}
		rootHash = rootHash.clone();
	}

	@Override
	public byte[] rootHash() {
		return rootHash.clone();
	}

	public String body() {
		return origin + "\n" + size + "\n" + Base64.getEncoder().encodeToString(rootHash) + "\n";
	}

	public static Checkpoint parse(String body) {
		if (body == null || !body.endsWith("\n")) {
			throw new IllegalArgumentException("a checkpoint body ends with a newline");
		}
		String[] lines = body.split("\n", -1);
		if (lines.length < 4) {
			throw new IllegalArgumentException(
					"a checkpoint has an origin, a size and a root line, got " + (lines.length - 1) + " line(s)");
		}
		if (!lines[1].matches("0|[1-9][0-9]{0,18}")) {
			throw new IllegalArgumentException("line 2 (tree size) is not a decimal number: '" + lines[1] + "'");
		}
		byte[] root;
		try {
			root = Base64.getDecoder().decode(lines[2]);
		}
		catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("line 3 (root hash) is not base64: '" + lines[2] + "'");
		}
		return new Checkpoint(lines[0], Long.parseLong(lines[1]), root);
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof Checkpoint c && origin.equals(c.origin) && size == c.size
				&& Arrays.equals(rootHash, c.rootHash);
	}

	@Override
	public int hashCode() {
		return 31 * (31 * origin.hashCode() + Long.hashCode(size)) + Arrays.hashCode(rootHash);
	}

	@Override
	public String toString() {
		return "Checkpoint[" + origin + ", size=" + size + ", root=" + Base64.getEncoder().encodeToString(rootHash)
				+ "]";
	}

}
