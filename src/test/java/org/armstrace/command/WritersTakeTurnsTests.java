package org.armstrace.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.armstrace.DatabaseTest;
import org.armstrace.ledger.LedgerEntry;
import org.armstrace.ledger.LedgerEvent;
import org.armstrace.registry.HolderCommands;
import org.armstrace.registry.HolderRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two officers write at once: the second command waits while the first holds the ledger,
 * and both are recorded.
 */
@DatabaseTest
class WritersTakeTurnsTests {

	/** A long command: it holds the ledger for {@code hold} and records nothing. */
	static CompletableFuture<CommandResult> holdTheLedger(CommandKernel kernel, Duration hold, CountDownLatch holding) {
		CommandKernel.Commands<LedgerEvent> commands = kernel.commandsFor(new Projection<LedgerEvent>() {
			@Override
			public void apply(LedgerEvent event, LedgerEntry entry) {
			}

			@Override
			public void reset() {
			}

			@Override
			public String name() {
				return "none";
			}

			@Override
			public List<String> tables() {
				return List.of();
			}

			@Override
			public Map<String, Class<? extends LedgerEvent>> eventTypes() {
				return Map.of();
			}
		});
		return CompletableFuture.supplyAsync(() -> commands.run("long-command", "user:first", null, () -> {
			holding.countDown();
			try {
				Thread.sleep(hold.toMillis());
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
			return Decision.record(null, List.of());
		}));
	}

	@Autowired
	CommandKernel kernel;

	@Autowired
	HolderCommands holders;

	@Test
	void aShortCommandWaitsForALongOneAndBothAreRecorded() throws Exception {
		CountDownLatch holding = new CountDownLatch(1);
		CompletableFuture<CommandResult> first = holdTheLedger(kernel, Duration.ofSeconds(3), holding);
		assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

		long started = System.nanoTime();
		CommandResult second = holders.register(
				new HolderCommands.RegisterHolder(HolderRole.DEALER, "Synthetic Second Writer", null, "AUT", null),
				"user:second", null);
		long waitedMillis = (System.nanoTime() - started) / 1_000_000;

		assertThat(second).isInstanceOf(CommandResult.Accepted.class);
		assertThat(waitedMillis).as("the second writer queued behind the first").isGreaterThan(1_500);
		assertThat(first.get(10, TimeUnit.SECONDS)).isInstanceOf(CommandResult.Accepted.class);
	}

}
