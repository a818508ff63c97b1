package org.armstrace.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;

import org.armstrace.DatabaseTest;
import org.armstrace.ledger.merkle.TreeHasher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Each test breaks its ledger on purpose, so each gets a database of its own (a context
 * no other test class shares, closed after every test).
 */
@DatabaseTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = "armstrace.test.context=tampered")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class LedgerTamperTests {

	@Autowired
	Ledger ledger;

	@Autowired
	LedgerVerification verification;

	@Autowired
	CheckpointSigner signer;

	@Autowired
	JdbcClient jdbc;

	PrivilegedTamperer tamperer;

	@BeforeEach
	void fortyEntriesUnderASignedHead() {
		tamperer = new PrivilegedTamperer(jdbc);
		ledger.append("user:registrar-1", TestEvents.items(0, 40));
		assertThat(signer.signNow().treeSize()).isEqualTo(40);
		assertThat(verification.verify(null).ok()).isTrue();
	}

	@Test
	void oneChangedByteInOneEntryIsNamedByVerify() {
		byte[] entry = ledger.entry(17).orElseThrow().canonicalJson();
		entry[entry.length / 2] ^= 0x01;
		tamperer.run(db -> db.sql("UPDATE ledger_entry SET entry = ? WHERE seq = 17").param(entry).update());

		VerificationReport report = verification.verify(null);

		assertThat(report.ok()).isFalse();
		assertThat(report.firstBadSeq()).isEqualTo(17L);
		assertThat(report.failure()).contains("altered");
		assertThat(report.summary()).startsWith("FAILED at entry 17");
	}

	@Test
	void anEntryRewrittenTogetherWithItsHashesIsCaughtByTheSignedHead() {
		// the attacker recomputes the leaf hash too, so only the signed root can tell
		byte[] entry = ledger.entry(5)
			.orElseThrow()
			.json()
			.replace("user:registrar-1", "user:registrar-2")
			.getBytes(StandardCharsets.UTF_8);
		byte[] leaf = TreeHasher.leafHash(entry);
		tamperer.run(db -> db
			.sql("UPDATE ledger_entry SET entry = ?, leaf_hash = ?, actor = 'user:registrar-2' " + "WHERE seq = 5")
			.params(entry, leaf)
			.update());

		VerificationReport report = verification.verify(null);

		assertThat(report.ok()).isFalse();
		// the level-1 node over entries 4 and 5 no longer matches
		assertThat(report.failure()).contains("interior node at level 1 ending at entry 5");
		assertThat(report.firstBadSeq()).isEqualTo(5L);
	}

	@Test
	void aTailCutOffAndReSignedPassesAloneButFailsAgainstASavedHead() {
		String savedHead = ledger.latestCheckpoint().orElseThrow().note();
		cutTailAt(30);
		ledger.append("user:registrar-1", TestEvents.items(100, 2));
		assertThat(signer.signNow().treeSize()).isEqualTo(32);

		assertThat(verification.verify(null).ok()).as("the cut log is consistent in itself").isTrue();
		VerificationReport witnessed = verification.verify(savedHead);
		assertThat(witnessed.ok()).isFalse();
		assertThat(witnessed.failure()).contains("fewer than the 40 of the saved head: its tail was cut off");
	}

	@Test
	void aTailCutOffAndRegrownPastTheSavedHeadFailsAgainstIt() {
		String savedHead = ledger.latestCheckpoint().orElseThrow().note();
		cutTailAt(30);
		ledger.append("user:registrar-1", TestEvents.items(100, 20));
		assertThat(signer.signNow().treeSize()).isEqualTo(50);

		assertThat(verification.verify(null).ok()).as("the rewritten log is consistent in itself").isTrue();
		VerificationReport witnessed = verification.verify(savedHead);
		assertThat(witnessed.ok()).isFalse();
		assertThat(witnessed.failure()).contains("does not extend the saved head: at tree size 40");
	}

	@Test
	void entriesRemovedUnderASignedHeadAreNamed() {
		tamperer.run("DELETE FROM ledger_node WHERE leaf_seq >= 30", "DELETE FROM ledger_entry WHERE seq >= 30");

		VerificationReport report = verification.verify(null);

		assertThat(report.ok()).isFalse();
		assertThat(report.failure()).contains("a head was signed at tree size 40 but the log holds only 30 entries");
	}

	@Test
	void aSavedHeadTheLogExtendsIsProvenConsistent() {
		String savedHead = ledger.latestCheckpoint().orElseThrow().note();
		ledger.append("user:registrar-1", TestEvents.items(200, 25));
		signer.signNow();

		VerificationReport report = verification.verify(savedHead);

		assertThat(report.ok()).as(report.summary()).isTrue();
		assertThat(report.sinceHeadSize()).isEqualTo(40L);
		assertThat(report.treeSize()).isEqualTo(65L);
	}

	/**
	 * Removes every entry from {@code seq} on, with its nodes and the heads that covered
	 * it.
	 */
	private void cutTailAt(long seq) {
		tamperer.run("DELETE FROM ledger_checkpoint WHERE tree_size > " + seq,
				"DELETE FROM ledger_node WHERE leaf_seq >= " + seq, "DELETE FROM ledger_entry WHERE seq >= " + seq);
	}

}
