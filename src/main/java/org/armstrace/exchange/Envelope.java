package org.armstrace.exchange;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.ParseException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Set;
import java.util.function.Function;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSObject;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.Payload;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.util.Base64URL;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A message between nodes as a compact JWS (RFC 7515) signed with EdDSA (RFC 8037): the
 * header names the sender's State ({@code kid}), the payload is the message as JSON. The
 * signature itself is the JDK's Ed25519 over the JWS signing input, with the node's key.
 */
final class Envelope {

	static final JOSEObjectType TYPE = new JOSEObjectType("armstrace-message+jws");

	/**
	 * A message: its id, kind, sender and recipient States, when it was sent, its body.
	 */
	record Message(String id, MessageType type, String sender, String recipient, Instant sentAt, JsonNode body) {
	}

	private Envelope() {
	}

	/** The message signed by {@code sign} (Ed25519 over the bytes it is given). */
	static String seal(Message message, JsonMapper json, Function<byte[], byte[]> sign) {
		JWSObject jws = new JWSObject(
				new JWSHeader.Builder(JWSAlgorithm.EdDSA).keyID(message.sender()).type(TYPE).build(),
				new Payload(json.writeValueAsString(message)));
		try {
			jws.sign(new Signer(sign));
		}
		catch (JOSEException e) {
			throw new IllegalStateException("cannot sign a message: " + e.getMessage(), e);
		}
		return jws.serialize();
	}

	/** The sender's State the header names, before anything is trusted. */
	static String sender(String envelope) throws ParseException {
		return JWSObject.parse(envelope).getHeader().getKeyID();
	}

	/**
	 * The message, once {@code verify} accepts the signature over exactly the signing
	 * input; null when it does not.
	 */
	static Message open(String envelope, JsonMapper json, Verification verify) throws ParseException {
		JWSObject jws = JWSObject.parse(envelope);
		if (!JWSAlgorithm.EdDSA.equals(jws.getHeader().getAlgorithm())) {
			return null;
		}
		boolean valid;
		try {
			valid = jws.verify(new Verifier(verify));
		}
		catch (JOSEException e) {
			return null;
		}
		return valid ? json.readValue(jws.getPayload().toString(), Message.class) : null;
	}

	static String sha256(String envelope) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(envelope.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is part of every JDK", e);
		}
	}

	/** Checks an Ed25519 signature over bytes. */
	@FunctionalInterface
	interface Verification {

		boolean verify(byte[] data, byte[] signature);

	}

	private record Signer(Function<byte[], byte[]> sign) implements JWSSigner {

		@Override
		public Base64URL sign(JWSHeader header, byte[] signingInput) {
			return Base64URL.encode(sign.apply(signingInput));
		}

		@Override
		public Set<JWSAlgorithm> supportedJWSAlgorithms() {
			return Set.of(JWSAlgorithm.EdDSA);
		}

		@Override
		public JCAContext getJCAContext() {
			return new JCAContext();
		}

	}

	private record Verifier(Verification check) implements JWSVerifier {

		@Override
		public boolean verify(JWSHeader header, byte[] signedContent, Base64URL signature) {
			return check.verify(signedContent, signature.decode());
		}

		@Override
		public Set<JWSAlgorithm> supportedJWSAlgorithms() {
			return Set.of(JWSAlgorithm.EdDSA);
		}

		@Override
		public JCAContext getJCAContext() {
			return new JCAContext();
		}

	}

}
