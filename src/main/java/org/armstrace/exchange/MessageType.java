package org.armstrace.exchange;

/** The kinds of message nodes exchange. */
public enum MessageType {

	/** A firearm reported lost or stolen, for other States to recognise it. */
	LOST_STOLEN_NOTICE,
	/** A notice withdrawn: the firearm was recovered. */
	NOTICE_WITHDRAWN,
	/** A State seized a firearm on the owning State's notice. */
	HIT_NOTIFICATION,
	/**
	 * A State asks the State of manufacture or last import to trace a firearm (ITI art.
	 * 17).
	 */
	TRACE_REQUEST,
	/** The answer to a trace request: what was found, or a reasoned refusal or delay. */
	TRACE_ANSWER,
	/**
	 * An export authorisation granted, to the importing State (Firearms Protocol art.
	 * 10(2)): it records the notice, so imports quoting it are not flagged.
	 */
	EXPORT_NOTIFICATION,
	/**
	 * The importing State confirms a consignment arrived, line by line (art. 10(4)): the
	 * exporting State's reconciliation records the receipt.
	 */
	RECEIPT_CONFIRMATION,
	/** Information a State shares unasked (DP 40); its text stays off the ledger. */
	SPONTANEOUS_INFORMATION

}
