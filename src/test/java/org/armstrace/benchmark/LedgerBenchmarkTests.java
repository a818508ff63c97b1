package org.armstrace.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.armstrace.DatabaseTest;
import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.LedgerEntry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The ledger benchmark on an empty ledger: its events go through the command kernel and
 * the ledger verifies.
 */
@DatabaseTest
@TestPropertySource(properties = "armstrace.test.context=ledger-benchmark")
@DirtiesContext
class LedgerBenchmarkTests {

	@Autowired
	LedgerBenchmark benchmark;

	@Autowired
	Ledger ledger;

	@Test
	void appendsSyntheticEventsInBatchesThenVerifiesAndRefusesALedgerThatHoldsAnything() {
		List<Long> progress = new ArrayList<>();

		LedgerBenchmark.Result result = benchmark.run(250, 1, progress::add);

		assertThat(result.events()).isEqualTo(250);
		assertThat(result.verification().ok()).isTrue();
		assertThat(result.verification().treeSize()).isEqualTo(250);
		assertThat(progress).containsExactly(100L, 200L);
		assertThat(ledger.entriesFrom(0, 300)).hasSize(250)
			.extracting(LedgerEntry::type)
			.containsOnly("benchmark.synthetic-event");
		assertThat(benchmark.ledgerSize()).isEqualTo(250);
		assertThatThrownBy(() -> benchmark.run(10, 5, done -> {
		})).isInstanceOf(IllegalStateException.class);
		assertThat(ledger.size()).isEqualTo(250);
	}

}
