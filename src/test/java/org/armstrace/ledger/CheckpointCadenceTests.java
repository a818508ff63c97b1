package org.armstrace.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.armstrace.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@DatabaseTest
class CheckpointCadenceTests {

	@Autowired
	Ledger ledger;

	@Autowired
	CheckpointSigner signer;

	@Test
	void noTwoConsecutiveHeadsAreMoreThanAThousandEntriesApartEvenAfterOneLargeBatch() {
		long before = signer.signNow().treeSize();
		ledger.append("system:import", TestEvents.items(0, 2_500));
		signer.signDue();

		List<SignedCheckpoint> heads = ledger.checkpoints(before, 1000);
		// what is not yet under a head is less than one interval; the time rule signs it
		// within 10 s
		assertThat(ledger.size() - heads.getLast().treeSize()).isLessThan(1_000);
		for (int i = 1; i < heads.size(); i++) {
			assertThat(heads.get(i).treeSize() - heads.get(i - 1).treeSize()).isBetween(1L, 1_000L);
		}
		assertThat(heads).extracting(SignedCheckpoint::treeSize).contains((before / 1000 + 1) * 1000);
	}

}
