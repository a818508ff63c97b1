package org.armstrace.registry;

import org.armstrace.ledger.Ledger;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import tools.jackson.databind.json.JsonMapper;

/**
 * Rebuilds the registry's tables from the ledger alone, in one transaction: officers see the old tables until the
 * new ones are complete. Holders' names and addresses are not on the ledger and are left as they are.
 */
@Service
public class RegistryRebuild {

	private final Ledger ledger;

	private final RegistryProjection projection;

	private final JsonMapper json;

	private final TransactionTemplate transactions;

	RegistryRebuild(Ledger ledger, RegistryProjection projection, JsonMapper json, TransactionTemplate transactions) {
		this.ledger = ledger;
		this.projection = projection;
		this.json = json;
		this.transactions = transactions;
	}

	/** @return the number of registry events applied */
	public long rebuild() {
		return transactions.execute(status -> {
			// the append lock keeps writers out while the tables are empty and refilled
			ledger.lockForAppend();
			projection.reset();
			long[] last = { -1 };
			long applied = ledger.replay(RegistryEvent.TYPES, json, (event, entry) -> {
				projection.apply(event, entry.seq());
				last[0] = entry.seq();
			});
			if (last[0] >= 0) {
				projection.advanceTo(last[0]);
			}
			return applied;
		});
	}

	/** The {@code rebuild} verb. */
	public int runFromCommandLine(ApplicationArguments args) {
		long started = System.nanoTime();
		long applied = rebuild();
		System.out.printf("rebuilt the registry from %,d ledger events in %.1f s%n", applied,
				(System.nanoTime() - started) / 1e9);
		return 0;
	}

}
