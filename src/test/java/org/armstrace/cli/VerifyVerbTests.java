package org.armstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.armstrace.DatabaseTest;
import org.armstrace.ledger.CheckpointSigner;
import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.TestEvents;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

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

}
