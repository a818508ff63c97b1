package org.armstrace.seizure;

/** What was seized. */
public enum ItemKind {

	FIREARM, PART, AMMUNITION

}
