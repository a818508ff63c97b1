package org.armstrace.seizure;

/** The criminal context a seizure was made in (UNODC IAFQ). */
public enum CriminalContext {

	DRUG_TRAFFICKING, HOMICIDE, ROBBERY, ORGANISED_CRIME, TERRORISM, NONE_KNOWN

}
