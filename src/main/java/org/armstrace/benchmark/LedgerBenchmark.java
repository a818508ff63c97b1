package org.armstrace.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.LongConsumer;

import org.armstrace.command.CommandKernel;
import org.armstrace.command.Decision;
import org.armstrace.command.Projection;
import org.armstrace.ledger.CheckpointSigner;
import org.armstrace.ledger.EventTypes;
import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.LedgerEntry;
import org.armstrace.ledger.LedgerEvent;
import org.armstrace.ledger.LedgerVerification;
import org.armstrace.ledger.VerificationReport;
import org.springframework.stereotype.Component;

/**
 * Measures the ledger: appends N synthetic events in batches to an empty ledger, each
 * batch one command through the command kernel (the append lock, the append, one
 * transaction) as every module's commands append, while the checkpoint signer runs as in
 * production; then signs the final head and runs a full verify. It refuses a ledger that
 * holds anything, so it can never mix synthetic events into real records: point it at a
 * scratch database.
 */
@Component
public class LedgerBenchmark {

	/** A synthetic event about the size of a real life-cycle event. */
	record SyntheticEvent(String subjectId, String holder, String serial, String marking,
			long quantity) implements LedgerEvent {

		@Override
		public String type() {
			return EventTypes.name("benchmark", SyntheticEvent.class);
		}

		@Override
		public int schemaVersion() {
			return 1;
		}

	}

	/**
	 * What a run measured: the append time of all events, and the full verify after it.
	 */
	public record Result(long events, int batch, double appendSeconds, VerificationReport verification) {

		public double eventsPerSecond() {
			return events / appendSeconds;
		}

	}

	/** Synthetic events have no tables: they are appended, never projected. */
	private static final class NoTables implements Projection<SyntheticEvent> {

		@Override
		public void apply(SyntheticEvent event, LedgerEntry entry) {
		}

		@Override
		public void reset() {
		}

		@Override
		public String name() {
			return "benchmark";
		}

		@Override
		public List<String> tables() {
			return List.of();
		}

		@Override
		public Map<String, Class<? extends SyntheticEvent>> eventTypes() {
			return Map.of();
		}

	}

	private final CommandKernel.Commands<SyntheticEvent> commands;

	private final Ledger ledger;

	private final LedgerVerification verification;

	private final CheckpointSigner signer;

	LedgerBenchmark(CommandKernel kernel, Ledger ledger, LedgerVerification verification, CheckpointSigner signer) {
		this.commands = kernel.commandsFor(new NoTables());
		this.ledger = ledger;
		this.verification = verification;
		this.signer = signer;
	}

	/** The entries the ledger holds: the benchmark runs only on an empty one. */
	public long ledgerSize() {
		return ledger.size();
	}

	/**
	 * Appends {@code events} synthetic events in batches of {@code batch}, then verifies
	 * the whole ledger.
	 * @param appended told how many events are appended so far, every hundred batches
	 * @throws IllegalStateException when the ledger is not empty
	 */
	public Result run(long events, int batch, LongConsumer appended) {
		if (ledger.size() > 0) {
			throw new IllegalStateException("the ledger already holds " + ledger.size() + " entries");
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
			commands.run("benchmark-ledger", "system:benchmark", null, () -> Decision.record(null, chunk));
			done += n;
			if (done % (batch * 100L) == 0) {
				appended.accept(done);
			}
		}
		double appendSeconds = (System.nanoTime() - started) / 1e9;
		signer.signNow();
		return new Result(events, batch, appendSeconds, verification.verify(null));
	}

}
