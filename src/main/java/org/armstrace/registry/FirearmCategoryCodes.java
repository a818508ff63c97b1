package org.armstrace.registry;

/** Category codes the registry itself relies on. */
final class FirearmCategoryCodes {

	/** A firearm recorded before it was classified: no licence covers it. */
	static final String UNCLASSIFIED = "UNCLASSIFIED";

	private FirearmCategoryCodes() {
	}

}
