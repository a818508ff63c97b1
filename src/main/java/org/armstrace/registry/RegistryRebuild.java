package org.armstrace.registry;

import java.util.List;

import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.LedgerEntry;
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

	private static final int PAGE = 5_000;

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
			long applied = 0;
			long next = 0;
			long last = -1;
			List<LedgerEntry> page;
			do {
				page = ledger.entriesFrom(next, PAGE);
				for (LedgerEntry entry : page) {
					Class<? extends RegistryEvent> type = RegistryEvent.TYPES.get(entry.type());
					if (type != null) {
						projection.apply(json.treeToValue(json.readTree(entry.canonicalJson()).path("event"), type),
								entry.seq());
						last = entry.seq();
						applied++;
					}
					next = entry.seq() + 1;
				}
			}
			while (page.size() == PAGE);
			if (last >= 0) {
				projection.advanceTo(last);
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
