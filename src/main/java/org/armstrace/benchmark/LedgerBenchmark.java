package org.armstrace.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The {@code benchmark-ledger} verb: appends N synthetic events in batches (one transaction per batch) to an
 * empty ledger, then runs a full verify, and prints both rates. It refuses a ledger that holds anything, so it
 * can never mix synthetic events into real records: point it at a scratch database.
 */
@Component
public class LedgerBenchmark {

	/** A synthetic event about the size of a real life-cycle event. */
	record SyntheticEvent(String subjectId, String holder, String serial, String marking, long quantity)
			implements LedgerEvent {

		@Override
		public String type() {
			return "benchmark.synthetic";
		}

		@Override
		public int schemaVersion() {
			return 1;
		}

	}

	private final Ledger ledger;

	private final LedgerVerification verification;

	private final CheckpointSigner signer;

	private final TransactionTemplate transactions;

	LedgerBenchmark(Ledger ledger, LedgerVerification verification, CheckpointSigner signer,
			TransactionTemplate transactions) {
		this.ledger = ledger;
		this.verification = verification;
		this.signer = signer;
		this.transactions = transactions;
	}

	public int runFromCommandLine(ApplicationArguments args) {
		long events = longOption(args, "events", 100_000);
		int batch = (int) longOption(args, "batch", 1_000);
		if (ledger.size() > 0) {
			System.err.println("refused: the ledger already holds " + ledger.size()
					+ " entries; run the benchmark against an empty scratch database");
			return 2;
		}
		long started = System.nanoTime();
		long done = 0;
		while (done < events) {
			int n = (int) Math.min(batch, events - done);
			List<SyntheticEvent> chunk = new ArrayList<>(n);
			for (int i = 0; i < n; i++) {
				long k = done + i;
				chunk.add(new SyntheticEvent(UUID.randomUUID().toString(), "holder-" + (k % 5_000),
						String.format(Locale.ROOT, "SYN%08d", k), "SYNTHETIC-MAKER/XXX/" + k, k % 1_000));
			}
			transactions.executeWithoutResult(status -> ledger.append("system:benchmark", chunk));
			done += n;
			if (done % (batch * 100L) == 0) {
				System.out.printf(Locale.ROOT, "  appended %,d%n", done);
			}
		}
		double appendSeconds = (System.nanoTime() - started) / 1e9;
		signer.signNow();
		VerificationReport report = verification.verify(null);
		System.out.printf(Locale.ROOT, "appended %,d events in batches of %,d: %.1f s, %,.0f events/s%n", events,
				batch, appendSeconds, events / appendSeconds);
		System.out.printf(Locale.ROOT, "full verify of %,d entries (%d signed heads): %.2f s -> %s%n",
				report.treeSize(), report.checkpointsChecked(), report.millis() / 1000.0, report.summary());
		return report.ok() ? 0 : 1;
	}

	private static long longOption(ApplicationArguments args, String name, long fallback) {
		return args.containsOption(name) ? Long.parseLong(args.getOptionValues(name).getFirst()) : fallback;
	}

}
