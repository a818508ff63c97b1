package org.armstrace.seizure;

/** Where a protocol step stands. */
public enum StepState {

	DONE, NEEDS_ATTENTION, EXCEPTION, NOT_CONNECTED, PENDING

}
