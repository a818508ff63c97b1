package org.armstrace.registry;

import static org.armstrace.registry.FirearmStatus.ACTIVE;
import static org.armstrace.registry.FirearmStatus.DEACTIVATED;
import static org.armstrace.registry.FirearmStatus.DESTROYED;
import static org.armstrace.registry.FirearmStatus.EXPORTED;
import static org.armstrace.registry.FirearmStatus.FOUND_AFTER_DESTRUCTION;
import static org.armstrace.registry.FirearmStatus.LOST;
import static org.armstrace.registry.FirearmStatus.SEIZED;
import static org.armstrace.registry.FirearmStatus.STOLEN;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Which life-cycle action a firearm accepts in which status, and the named rule that refuses the others. A
 * destroyed firearm accepts only "found after destruction"; a stolen or lost one cannot change hands until it is
 * recovered.
 */
enum LifeCycleRules {

	MARK(EnumSet.complementOf(EnumSet.of(DESTROYED))),
	IMPORT(EnumSet.of(ACTIVE, EXPORTED)),
	EXPORT(EnumSet.of(ACTIVE, DEACTIVATED)),
	TRANSIT(EnumSet.of(ACTIVE, EXPORTED, DEACTIVATED)),
	TRANSFER(EnumSet.of(ACTIVE, DEACTIVATED)),
	REPORT_MISSING(EnumSet.of(ACTIVE, DEACTIVATED)),
	RECOVER(EnumSet.of(LOST, STOLEN)),
	SEIZE(EnumSet.complementOf(EnumSet.of(DESTROYED, SEIZED))),
	DEACTIVATE(EnumSet.of(ACTIVE, SEIZED)),
	CONVERT(EnumSet.of(ACTIVE)),
	DESTROY(EnumSet.of(ACTIVE, DEACTIVATED, SEIZED, FOUND_AFTER_DESTRUCTION)),
	FOUND_AFTER_DESTRUCTION_RECORD(EnumSet.of(DESTROYED));

	private static final Map<FirearmStatus, String> REFUSALS = Map.of(
			STOLEN, "StolenFirearmCannotChangeUntilRecovered",
			LOST, "LostFirearmCannotChangeUntilRecovered",
			DESTROYED, "DestroyedFirearmAcceptsOnlyFoundAfterDestruction",
			EXPORTED, "ExportedFirearmIsNotInTheCountry",
			SEIZED, "SeizedFirearmIsInCustody",
			FOUND_AFTER_DESTRUCTION, "DivertedFirearmMustBeSeizedFirst",
			DEACTIVATED, "DeactivatedFirearmCannotDoThis",
			ACTIVE, "FirearmIsNotMissingOrDestroyed");

	private final Set<FirearmStatus> allowed;

	LifeCycleRules(Set<FirearmStatus> allowed) {
		this.allowed = allowed;
	}

	/** Adds the refusal to {@code checks} when the firearm's status does not allow this action. */
	void check(FirearmStatus status, Checks checks) {
		if (allowed.contains(status)) {
			return;
		}
		String rule = this == TRANSFER && status == STOLEN ? "StolenFirearmCannotBeTransferred"
				: this == TRANSFER && status == LOST ? "LostFirearmCannotBeTransferred" : REFUSALS.get(status);
		checks.add("firearmId", rule, "a firearm that is " + status.name().toLowerCase().replace('_', ' ')
				+ " cannot be " + verb() + " (allowed when " + allowedText() + ")");
	}

	private String verb() {
		return switch (this) {
			case MARK -> "marked";
			case IMPORT -> "imported";
			case EXPORT -> "exported";
			case TRANSIT -> "recorded in transit";
			case TRANSFER -> "transferred";
			case REPORT_MISSING -> "reported lost or stolen";
			case RECOVER -> "recovered";
			case SEIZE -> "seized";
			case DEACTIVATE -> "deactivated";
			case CONVERT -> "converted";
			case DESTROY -> "destroyed";
			case FOUND_AFTER_DESTRUCTION_RECORD -> "recorded as found after destruction";
		};
	}

	private String allowedText() {
		return String.join(" or ", allowed.stream().map(s -> s.name().toLowerCase().replace('_', ' ')).toList());
	}

}
