package org.armstrace.cli;

import org.armstrace.ledger.LedgerBenchmark;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/** {@code benchmark-ledger [--events=N] [--batch=B]}: appends N synthetic events to an empty ledger, then verifies. */
@Component
class BenchmarkLedgerVerb implements Verb {

	private final LedgerBenchmark benchmark;

	BenchmarkLedgerVerb(LedgerBenchmark benchmark) {
		this.benchmark = benchmark;
	}

	@Override
	public String name() {
		return "benchmark-ledger";
	}

	@Override
	public int run(ApplicationArguments args) {
		return benchmark.runFromCommandLine(args);
	}

}
