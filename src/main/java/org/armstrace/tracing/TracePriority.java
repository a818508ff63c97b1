package org.armstrace.tracing;

/** How soon a trace request must be answered; an urgent one states why. */
public enum TracePriority {

	ROUTINE, URGENT

}
