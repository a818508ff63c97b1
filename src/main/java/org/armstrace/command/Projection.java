package org.armstrace.command;

import java.util.List;
import java.util.Map;

import org.armstrace.ledger.LedgerEntry;
import org.armstrace.ledger.LedgerEvent;

/**
 * A module's tables as a fold over its events: the kernel hands it every event it
 * appends, in the same transaction, and every event of its types on a rebuild.
 */
public interface Projection<E extends LedgerEvent> {

	void apply(E event, LedgerEntry entry);

	/** Applies a batch, in order; a projection may write a batch at once. */
	default void applyAll(List<? extends E> events, List<LedgerEntry> entries) {
		for (int i = 0; i < events.size(); i++) {
			apply(events.get(i), entries.get(i));
		}
	}

	/**
	 * Called after a batch (and after a rebuild) with the last sequence applied: where a
	 * projection says how far it is.
	 */
	default void caughtUpTo(long seq) {
	}

	/** Empties the tables before a rebuild. */
	void reset();

	/** Its name in reports. */
	String name();

	/**
	 * The tables it fills from the ledger: what a projection check compares with a
	 * rebuild.
	 */
	List<String> tables();

	/** The ledger types it folds, by type name. */
	Map<String, Class<? extends E>> eventTypes();

}
