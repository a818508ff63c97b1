package org.armstrace.tracing;

/**
 * Where a trace request stands: open; a candidate confirmed, or unresolved (no record
 * fits); answered with the chain frozen into it; closed.
 */
public enum TraceRequestState {

	OPEN, CONFIRMED, UNRESOLVED, ANSWERED, CLOSED;

	/** Still waiting for an answer: these count towards the overdue list. */
	public boolean awaitsAnswer() {
		return this == OPEN || this == CONFIRMED || this == UNRESOLVED;
	}

}
