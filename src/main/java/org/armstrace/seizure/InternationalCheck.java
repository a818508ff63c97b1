package org.armstrace.seizure;

import java.util.Optional;
import java.util.UUID;

import org.armstrace.tracing.ObservedMarkings;

/**
 * The recovery protocol's international step, as another module answers it: whether the
 * seized item is on another State's lost or stolen notices (and, on a hit, that State is
 * notified in the seizure's transaction). Without an answering module the step stays "not
 * connected".
 */
public interface InternationalCheck {

	/**
	 * What the check found: {@code statesChecked} States' notices, and the hit if any.
	 */
	record Result(int statesChecked, Hit hit) {
	}

	/** A notice the item matches: the owning State, its record, and what it reported. */
	record Hit(String country, String reference, String status) {
	}

	/** Empty when no other State is connected. */
	Optional<Result> check(UUID itemId, ObservedMarkings observed, String seizureReference, String actor);

}
