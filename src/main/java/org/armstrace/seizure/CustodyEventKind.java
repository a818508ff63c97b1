package org.armstrace.seizure;

/** What happened to an item in evidence custody. */
public enum CustodyEventKind {

	CHECKED_IN, MOVED, SENT_TO_LABORATORY, SENT_TO_COURT, RETURNED

}
