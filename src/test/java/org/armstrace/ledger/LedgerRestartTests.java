package org.armstrace.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.armstrace.ArmsTraceApplication;
import org.armstrace.TestDatabase;
import org.armstrace.ledger.merkle.ProofVerifier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * The node stops and starts again on the same database and key: the tree goes on where it
 * stopped.
 */
@Tag(TestDatabase.TAG)
@ExtendWith(TestDatabase.Availability.class)
class LedgerRestartTests {

	@Test
	void theTreeContinuesWithTheSameSizeAndRootAndProvesConsistencyAcrossTheRestart() throws Exception {
		Map<String, Object> database = TestDatabase.newDatabase();
		try {
			restartOn(database);
		}
		finally {
			TestDatabase.drop(database);
		}
	}

	private void restartOn(Map<String, Object> database) throws Exception {
		SignedCheckpoint before;
		try (ConfigurableApplicationContext first = start(database)) {
			first.getBean(Ledger.class).append("user:registrar-1", TestEvents.items(0, 37));
			before = first.getBean(CheckpointSigner.class).signNow();
		}

		try (ConfigurableApplicationContext second = start(database)) {
			Ledger ledger = second.getBean(Ledger.class);
			assertThat(ledger.size()).isEqualTo(37);
			assertThat(ledger.latestCheckpoint()).get().extracting(SignedCheckpoint::treeSize).isEqualTo(37L);

			ledger.append("user:registrar-1", TestEvents.items(37, 21));
			SignedCheckpoint after = second.getBean(CheckpointSigner.class).signNow();
			ConsistencyProof proof = ledger.consistencyProof(before.treeSize(), after.treeSize());

			assertThat(after.treeSize()).isEqualTo(58);
			List<byte[]> hashes = proof.proof().stream().map(Base64.getDecoder()::decode).toList();
			ProofVerifier.verifyConsistency(37, 58, hashes, before.rootHash(), after.rootHash());
			assertThat(second.getBean(LedgerVerification.class).verify(before.note()).ok()).isTrue();
		}
	}

	private static ConfigurableApplicationContext start(Map<String, Object> database) {
		return new SpringApplicationBuilder(ArmsTraceApplication.class).web(WebApplicationType.NONE)
			.initializers(context -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("restart-test-database", database)))
			.run();
	}

}
