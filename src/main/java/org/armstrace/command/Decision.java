package org.armstrace.command;

import java.util.List;
import java.util.UUID;

import org.armstrace.ledger.LedgerEvent;

/**
 * What a command decided: the events to record about a subject, or the rules it broke. A
 * decision reads state and never writes; what must be written beside the ledger (personal
 * data, which never goes on it) is handed over as {@link #alsoWrite(Runnable)} and runs
 * in the same transaction, after the events are projected.
 */
public record Decision<E extends LedgerEvent>(UUID subjectId, List<E> events, List<Refusal> refusals,
		Runnable offLedger) {

	public Decision {
		events = List.copyOf(events);
		refusals = List.copyOf(refusals);
	}

	@SafeVarargs
	public static <E extends LedgerEvent> Decision<E> record(UUID subjectId, E... events) {
		return new Decision<>(subjectId, List.of(events), List.of(), null);
	}

	public static <E extends LedgerEvent> Decision<E> record(UUID subjectId, List<? extends E> events) {
		return new Decision<>(subjectId, List.copyOf(events), List.of(), null);
	}

	public static <E extends LedgerEvent> Decision<E> refuse(List<Refusal> refusals) {
		if (refusals.isEmpty()) {
			throw new IllegalArgumentException("a refusal names at least one broken rule");
		}
		return new Decision<>(null, List.of(), refusals, null);
	}

	public static <E extends LedgerEvent> Decision<E> refuse(String field, Rule rule, Object... values) {
		return refuse(List.of(Refusal.of(field, rule, values)));
	}

	/**
	 * Writes {@code rows} (tables beside the ledger) in the command's transaction once
	 * the events are recorded.
	 */
	public Decision<E> alsoWrite(Runnable rows) {
		Runnable before = offLedger;
		return new Decision<>(subjectId, events, refusals, before == null ? rows : () -> {
			before.run();
			rows.run();
		});
	}

	public boolean refused() {
		return !refusals.isEmpty();
	}

}
