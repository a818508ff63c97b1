package org.armstrace.registry;

/**
 * Where a firearm stands in its life cycle; which commands it accepts follows from it.
 */
public enum FirearmStatus {

	/** In the legal chain, held in the country. */
	ACTIVE, LOST, STOLEN, SEIZED,
	/** Legally exported: no longer in the country. */
	EXPORTED,
	/** Certified deactivated: the record lives on. */
	DEACTIVATED, DESTROYED,
	/** Recorded destroyed, then found: a diversion. */
	FOUND_AFTER_DESTRUCTION

}
