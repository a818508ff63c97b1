package org.armstrace.ledger.merkle;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Arrays;
import java.util.Base64;
import java.util.function.Function;

/**
 * A witness's cosignature of a checkpoint, in the C2SP tlog-cosignature format
 * (cosignature/v1, Ed25519): the witness signs {@code "cosignature/v1\ntime <t>\n"}
 * followed by the checkpoint's body, and the line is
 * {@code — <name> base64(key id || timestamp || signature)}, with the key id of type
 * 0x04.
 */
public final class Cosignature {

	private static final byte ALGORITHM_COSIGNATURE_V1 = 0x04;

	private Cosignature() {
	}

	/**
	 * The signature line of a cosignature made at {@code time} (seconds since the epoch).
	 */
	public static String line(String name, PublicKey publicKey, Function<byte[], byte[]> sign, long time,
			String checkpointBody) {
		byte[] signature = sign.apply(signed(time, checkpointBody));
		ByteBuffer blob = ByteBuffer.allocate(4 + 8 + signature.length);
		blob.put(keyId(name, Ed25519Keys.rawPublicKey(publicKey))).putLong(time).put(signature);
		return "\u2014 " + name + " " + Base64.getEncoder().encodeToString(blob.array());
	}

	/**
	 * Whether {@code line} is a cosignature of {@code checkpointBody} by the key behind
	 * {@code verifierKey} (the witness's note verifier key).
	 */
	public static boolean verifies(String line, String verifierKey, String checkpointBody) {
		try {
			NoteVerifier verifier = NoteVerifier.fromVerifierKey(verifierKey);
			String prefix = "\u2014 " + verifier.keyName() + " ";
			if (line == null || !line.startsWith(prefix)) {
				return false;
			}
			byte[] blob = Base64.getDecoder().decode(line.substring(prefix.length()).trim());
			if (blob.length != 4 + 8 + 64 || !Arrays.equals(Arrays.copyOf(blob, 4),
					keyId(verifier.keyName(), Ed25519Keys.rawPublicKey(verifier.publicKey())))) {
				return false;
			}
			long time = ByteBuffer.wrap(blob, 4, 8).getLong();
			Signature ed25519 = Signature.getInstance("Ed25519");
			ed25519.initVerify(verifier.publicKey());
			ed25519.update(signed(time, checkpointBody));
			return ed25519.verify(Arrays.copyOfRange(blob, 12, blob.length));
		}
		catch (IllegalArgumentException | GeneralSecurityException e) {
			return false;
		}
	}

	private static byte[] signed(long time, String checkpointBody) {
		return ("cosignature/v1\ntime " + time + "\n" + checkpointBody).getBytes(StandardCharsets.UTF_8);
	}

	private static byte[] keyId(String name, byte[] rawPublicKey) {
		ByteArrayOutputStream input = new ByteArrayOutputStream();
		input.writeBytes(name.getBytes(StandardCharsets.UTF_8));
		input.write('\n');
		input.write(ALGORITHM_COSIGNATURE_V1);
		input.writeBytes(rawPublicKey);
		try {
			return Arrays.copyOf(MessageDigest.getInstance("SHA-256").digest(input.toByteArray()), 4);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

}
