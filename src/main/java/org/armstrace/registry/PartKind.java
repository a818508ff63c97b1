package org.armstrace.registry;

/**
 * Essential parts and components (Firearms Protocol art. 3 b), marked and tracked on
 * their own.
 */
public enum PartKind {

	FRAME, RECEIVER, BARREL, SLIDE, CYLINDER, BOLT, BREECH_BLOCK

}
