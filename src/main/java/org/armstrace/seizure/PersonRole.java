package org.armstrace.seizure;

/** How a person was involved in a seizure. */
public enum PersonRole {

	SUSPECT, OWNER, COURIER, OTHER

}
