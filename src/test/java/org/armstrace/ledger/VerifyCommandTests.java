package org.armstrace.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import org.armstrace.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;

/** The {@code verify} verb as an operator runs it: exit status 0 when the log extends the saved head. */
@DatabaseTest
class VerifyCommandTests {

	@Autowired
	Ledger ledger;

	@Autowired
	CheckpointSigner signer;

	@Autowired
	LedgerVerification verification;

	@TempDir
	Path folder;

	@Test
	void verifyExitsZeroWhenTheLogExtendsTheSavedHeadAndNonZeroForAForeignHead() throws Exception {
		ledger.append("user:registrar-1", TestEvents.items(0, 9));
		Path saved = Files.writeString(folder.resolve("head.txt"), signer.signNow().note());
		ledger.append("user:registrar-1", TestEvents.items(9, 4));
		signer.signNow();

		assertThat(verification.runFromCommandLine(new DefaultApplicationArguments("verify"))).isZero();
		assertThat(verification.runFromCommandLine(
				new DefaultApplicationArguments("verify", "--since-head=" + saved))).isZero();

		Path foreign = Files.writeString(folder.resolve("foreign.txt"),
				Files.readString(saved).replaceFirst("\n\\d+\n", "\n999999\n"));
		assertThat(verification.runFromCommandLine(
				new DefaultApplicationArguments("verify", "--since-head=" + foreign))).isEqualTo(1);
		assertThat(verification.runFromCommandLine(
				new DefaultApplicationArguments("verify", "--since-head=" + folder.resolve("missing.txt"))))
			.isEqualTo(2);
	}

}
