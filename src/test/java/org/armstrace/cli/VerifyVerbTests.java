package org.armstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.ledger.CheckpointSigner;
import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.TestEvents;
import org.armstrace.ledger.merkle.Ed25519Keys;
import org.armstrace.ledger.merkle.NoteSigner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The {@code verify} verb as an operator runs it: exit status 0 when the log extends the
 * saved head.
 */
@DatabaseTest
class VerifyVerbTests {

	@Autowired
	Ledger ledger;

	@Autowired
	CheckpointSigner signer;

	@Autowired
	VerifyVerb verify;

	@TempDir
	Path folder;

	@LocalServerPort
	int port;

	@Test
	void verifyExitsZeroWhenTheLogExtendsTheSavedHeadAndNonZeroForAForeignHead() throws Exception {
		ledger.append("user:registrar-1", TestEvents.items(0, 9));
		Path saved = Files.writeString(folder.resolve("head.txt"), signer.signNow().note());
		ledger.append("user:registrar-1", TestEvents.items(9, 4));
		signer.signNow();

		assertThat(verify.run(new DefaultApplicationArguments("verify"))).isZero();
		assertThat(verify.run(new DefaultApplicationArguments("verify", "--since-head=" + saved))).isZero();

		Path foreign = Files.writeString(folder.resolve("foreign.txt"),
				Files.readString(saved).replaceFirst("\n\\d+\n", "\n999999\n"));
		assertThat(verify.run(new DefaultApplicationArguments("verify", "--since-head=" + foreign))).isEqualTo(1);
		assertThat(
				verify.run(new DefaultApplicationArguments("verify", "--since-head=" + folder.resolve("missing.txt"))))
			.isEqualTo(2);
	}

	@Test
	void verifyChecksTheHeadsAgainstAGivenPublicKeyAndRefusesAnotherNodesKey() throws Exception {
		ledger.append("user:registrar-1", TestEvents.items(0, 3));
		signer.signNow();
		String ownKey = Api.json(new Api(port).get("/api/v1/ledger/key")).path("verifierKey").asString();
		Path keyFile = Files.writeString(folder.resolve("node.vkey"), ownKey + "\n");
		String anotherNode = new NoteSigner("armstrace.local/ledger", Ed25519Keys.generate().getPrivate(),
				Ed25519Keys.generate().getPublic())
			.verifierKey();

		assertThat(verify.run(new DefaultApplicationArguments("verify", "--verifier-key=" + keyFile))).isZero();
		assertThat(verify.run(new DefaultApplicationArguments("verify", "--verifier-key=" + ownKey))).isZero();
		assertThat(verify.run(new DefaultApplicationArguments("verify", "--verifier-key=" + anotherNode))).isEqualTo(1);
		assertThat(verify.run(new DefaultApplicationArguments("verify", "--verifier-key=not-a-key"))).isEqualTo(2);
	}

}
