package org.armstrace.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.armstrace.DatabaseTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

@DatabaseTest
class LedgerAppendTests {

	@Autowired
	Ledger ledger;

	@Autowired
	LedgerVerification verification;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CheckpointSigner signer;

	@Test
	void entriesAreNumberedInOrderAndHashedFromTheirCanonicalJson() throws Exception {
		long before = ledger.size();
		List<LedgerEntry> appended = ledger.append("user:registrar-1", TestEvents.items(0, 3));

		assertThat(appended).extracting(LedgerEntry::seq).containsExactly(before, before + 1, before + 2);
		LedgerEntry first = appended.getFirst();
		// RFC 8785: keys sorted, no white space
		assertThat(first.json())
			.startsWith("{\"actor\":\"user:registrar-1\",\"event\":{\"note\":\"synthetic test item 0\"")
			.contains("\"seq\":" + before)
			.contains("\"type\":\"test.item-recorded\"")
			.doesNotContain(" \"");
		MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
		sha256.update((byte) 0);
		assertThat(first.leafHash()).isEqualTo(sha256.digest(first.json().getBytes(StandardCharsets.UTF_8)));
		assertThat(ledger.entry(first.seq())).get().extracting(LedgerEntry::json).isEqualTo(first.json());
	}

	@Test
	void aRolledBackTransactionLeavesNoEntryAndNoGap() {
		long before = ledger.size();
		assertThatThrownBy(() -> transactions.executeWithoutResult(status -> {
			ledger.append("user:registrar-1", TestEvents.items(100, 5));
			throw new IllegalStateException("the projection update failed");
		})).hasMessage("the projection update failed");

		assertThat(ledger.size()).isEqualTo(before);
		assertThat(ledger.append("user:registrar-1", TestEvents.item(200)).seq()).isEqualTo(before);
		assertThat(verification.verify(null).ok()).isTrue();
	}

	@Test
	void severalAppendsInOneTransactionContinueOneSequence() {
		long before = ledger.size();
		List<LedgerEntry> entries = transactions.execute(status -> {
			List<LedgerEntry> all = new ArrayList<>(ledger.append("user:a", TestEvents.items(300, 2)));
			all.addAll(ledger.append("user:a", TestEvents.items(302, 2)));
			return all;
		});
		assertThat(entries).extracting(LedgerEntry::seq).containsExactly(before, before + 1, before + 2, before + 3);
	}

	@Test
	void concurrentWritersNeverShareOrSkipANumber() throws Exception {
		long before = ledger.size();
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Callable<List<LedgerEntry>>> writers = new ArrayList<>();
		for (int w = 0; w < 8; w++) {
			int from = 1_000 + w * 25;
			writers.add(() -> ledger.append("user:writer", TestEvents.items(from, 25)));
		}
		List<Long> seqs = new ArrayList<>();
		for (Future<List<LedgerEntry>> result : pool.invokeAll(writers)) {
			result.get().forEach(e -> seqs.add(e.seq()));
		}
		pool.shutdown();

		assertThat(seqs).doesNotHaveDuplicates().hasSize(200).allMatch(s -> s >= before && s < before + 200);
		assertThat(ledger.size()).isEqualTo(before + 200);
		assertThat(verification.verify(null).ok()).isTrue();
	}

	@Test
	void theDatabaseItselfRefusesToChangeOrDeleteLedgerRows() {
		ledger.append("user:registrar-1", TestEvents.items(400, 2));
		signer.signNow();

		assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_entry SET actor = 'someone-else'").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_entry").update()).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("DELETE FROM ledger_node").update()).isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> jdbc.sql("UPDATE ledger_checkpoint SET note = 'forged'").update())
			.isInstanceOf(DataAccessException.class)
			.rootCause()
			.hasMessageContaining("append-only");
		assertThat(verification.verify(null).ok()).isTrue();
	}

}
