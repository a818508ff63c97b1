package org.armstrace.seizure;

/**
 * What one step of the recovery protocol found, as a code; its values are listed with it
 * and its words are {@code protocol.outcome.<code>} in the bundles.
 */
public enum StepOutcome {

	/** The step has not run yet. */
	NOT_RUN,

	/** record number. */
	MATCHED_BY_OFFICER,
	/** record number, band, score. */
	MATCHED,
	/** record number, part kind, band, score. */
	MATCHED_BY_PART,
	/** candidates, best record number, band. */
	NO_CERTAIN_MATCH,
	/** candidates, best record number, band. */
	NO_CERTAIN_MATCH_TIED,
	/** item reference. */
	NO_RECORD_FITS, NO_SERIAL_READ,
	/**
	 * ledger entries the candidate index had not applied: the match runs again when it
	 * has.
	 */
	WAITING_FOR_INDEX,
	/** Checked when a record is confirmed. */
	NO_RECORD_YET,
	/** status. */
	LISTED_MISSING,
	/** status. */
	NOT_LISTED_MISSING,
	/** the exception and its reason, as the officer gave it. */
	TRACE_EXCEPTION,
	/** trace request reference, investigation case reference. */
	TRACE_OPENED,
	/** the rules that refused it. */
	TRACE_NOT_OPENED, INTERNATIONAL_NOT_CONNECTED,
	/** the State whose notice it matches, and the notice's reference there. */
	INTERNATIONAL_HIT,
	/** how many States' notices were checked. */
	INTERNATIONAL_NO_HIT, BALLISTIC_PENDING,
	/** the IBIN/NIBIN reference. */
	BALLISTIC_RECORDED

}
