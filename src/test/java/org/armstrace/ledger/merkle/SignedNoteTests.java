package org.armstrace.ledger.merkle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class SignedNoteTests {

	/**
	 * The example key and note of Go's golang.org/x/mod/sumdb/note package documentation.
	 */
	static final String GO_PRIVATE_KEY = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz";

	static final String GO_VERIFIER_KEY = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW";

	static final String GO_TEXT = "If you think cryptography is the answer to your problem,\n"
			+ "then you don't know what your problem is.\n";

	static final String GO_NOTE = GO_TEXT + "\n\u2014 PeterNeumann "
			+ "x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n";

	@Test
	void signsExactlyAsGosNotePackageDoes() throws Exception {
		byte[] seed = Arrays.copyOfRange(Base64.getDecoder().decode(GO_PRIVATE_KEY.split("\\+", 5)[4]), 1, 33);
		NoteVerifier goVerifier = NoteVerifier.fromVerifierKey(GO_VERIFIER_KEY);
		byte[] rawPublic = Arrays.copyOfRange(Base64.getDecoder().decode(GO_VERIFIER_KEY.split("\\+", 3)[2]), 1, 33);
		NoteSigner signer = new NoteSigner("PeterNeumann", Ed25519Keys.privateKeyFromSeed(seed),
				Ed25519Keys.publicKey(rawPublic));

		assertThat(signer.verifierKey()).isEqualTo(GO_VERIFIER_KEY);
		assertThat(signer.sign(GO_TEXT)).isEqualTo(GO_NOTE);
		assertThat(goVerifier.verify(GO_NOTE)).isEqualTo(GO_TEXT);
	}

	@Test
	void aNoteWithOneChangedCharacterIsRejected() {
		NoteVerifier verifier = NoteVerifier.fromVerifierKey(GO_VERIFIER_KEY);
		assertThatThrownBy(() -> verifier.verify(GO_NOTE.replace("cryptography", "cryptographY")))
			.isInstanceOf(InvalidNoteException.class)
			.hasMessageContaining("does not verify");
	}

	@Test
	void aCheckpointSignedByAnotherKeyIsRejected() {
		KeyPair ours = Ed25519Keys.generate();
		KeyPair theirs = Ed25519Keys.generate();
		String body = new Checkpoint("example.org/log", 7, TreeHasher.leafHash(new byte[] { 1 })).body();
		String forged = new NoteSigner("example.org/log", theirs.getPrivate(), theirs.getPublic()).sign(body);

		NoteVerifier verifier = new NoteVerifier("example.org/log", ours.getPublic());
		assertThatThrownBy(() -> verifier.verify(forged)).isInstanceOf(InvalidNoteException.class)
			.hasMessageContaining("no signature by example.org/log");
	}

	@Test
	void aCheckpointRoundTripsThroughSigningAndParsing() throws Exception {
		KeyPair key = Ed25519Keys.generate();
		Checkpoint checkpoint = new Checkpoint("armstrace.example/ledger", 1207, TreeHasher.leafHash("x".getBytes()));
		NoteSigner signer = new NoteSigner("armstrace.example/ledger", key.getPrivate(), key.getPublic());
		String note = signer.sign(checkpoint.body());

		assertThat(note).startsWith("armstrace.example/ledger\n1207\n")
			.contains("\n\n\u2014 armstrace.example/ledger ");
		NoteVerifier verifier = NoteVerifier.fromVerifierKey(signer.verifierKey());
		assertThat(Checkpoint.parse(verifier.verify(note))).isEqualTo(checkpoint);
	}

	@Test
	void aKeyPairSurvivesItsPemFile() {
		KeyPair key = Ed25519Keys.generate();
		KeyPair read = Ed25519Keys.keyPairFromPem(Ed25519Keys.toPem(key));
		String note = new NoteSigner("n", read.getPrivate(), read.getPublic()).sign("text\n");
		assertThat(new NoteSigner("n", key.getPrivate(), key.getPublic()).sign("text\n")).isEqualTo(note);
	}

	@Test
	void malformedCheckpointsAreRefusedWithTheLineNamed() {
		assertThatThrownBy(() -> Checkpoint.parse("origin\nten\nAAAA\n")).hasMessageContaining("line 2 (tree size)");
		assertThatThrownBy(() -> Checkpoint.parse("origin\n10\n%%%\n")).hasMessageContaining("line 3 (root hash)");
		assertThatThrownBy(() -> Checkpoint.parse("origin\n10\n")).hasMessageContaining("got 2 line(s)");
		assertThatThrownBy(() -> NoteVerifier.fromVerifierKey("name+zz+AAAA")).hasMessageContaining("8 hex digits");
	}

}
