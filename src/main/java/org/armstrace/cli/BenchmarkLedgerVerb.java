package org.armstrace.cli;

import java.util.Locale;

import org.armstrace.benchmark.LedgerBenchmark;
import org.armstrace.ledger.VerificationReport;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code benchmark-ledger [--events=N] [--batch=B]}: appends N synthetic events to an
 * empty ledger, then verifies, and prints both rates; refused (exit 2) on a ledger that
 * holds anything.
 */
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
		long events = Long.parseLong(Options.value(args, "events", "100000"));
		int batch = Integer.parseInt(Options.value(args, "batch", "1000"));
		long size = benchmark.ledgerSize();
		if (size > 0) {
			System.err.println("refused: the ledger already holds " + size
					+ " entries; run the benchmark against an empty scratch database");
			return 2;
		}
		LedgerBenchmark.Result result = benchmark.run(events, batch,
				done -> System.out.printf(Locale.ROOT, "  appended %,d%n", done));
		VerificationReport report = result.verification();
		System.out.printf(Locale.ROOT, "appended %,d events in batches of %,d: %.1f s, %,.0f events/s%n",
				result.events(), result.batch(), result.appendSeconds(), result.eventsPerSecond());
		System.out.printf(Locale.ROOT, "full verify of %,d entries (%d signed heads): %.2f s -> %s%n",
				report.treeSize(), report.checkpointsChecked(), report.millis() / 1000.0, report.summary());
		return report.ok() ? 0 : 1;
	}

}
