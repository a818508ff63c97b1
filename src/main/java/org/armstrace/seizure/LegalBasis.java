package org.armstrace.seizure;

/** The legal basis of a seizure, kept apart from its criminal context (as UNODC does). */
public enum LegalBasis {

	ILLICIT_POSSESSION, TRAFFICKING, OTHER

}
