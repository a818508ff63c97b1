package org.armstrace.registry;

/** What a marking says (Firearms Protocol art. 8; ITI paras 7-8). */
public enum MarkingKind {

	MANUFACTURER, COUNTRY_OF_MANUFACTURE, SERIAL, YEAR, IMPORT, STATE_STOCK, DEACTIVATION, PROOF, OTHER

}
