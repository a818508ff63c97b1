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

import org.armstrace.command.Checks;

/**
 * Which life-cycle action a firearm accepts in which status, and the named rule that
 * refuses the others. A destroyed firearm accepts only "found after destruction"; a
 * stolen or lost one cannot change hands until it is recovered.
 */
enum LifeCycleRules {

	MARK(EnumSet.complementOf(EnumSet.of(DESTROYED))), IMPORT(EnumSet.of(ACTIVE, EXPORTED)),
	EXPORT(EnumSet.of(ACTIVE, DEACTIVATED)), TRANSIT(EnumSet.of(ACTIVE, EXPORTED, DEACTIVATED)),
	TRANSFER(EnumSet.of(ACTIVE, DEACTIVATED)), REPORT_MISSING(EnumSet.of(ACTIVE, DEACTIVATED)),
	RECOVER(EnumSet.of(LOST, STOLEN)), SEIZE(EnumSet.complementOf(EnumSet.of(DESTROYED, SEIZED))),
	DEACTIVATE(EnumSet.of(ACTIVE, SEIZED)), CONVERT(EnumSet.of(ACTIVE)),
	DESTROY(EnumSet.of(ACTIVE, DEACTIVATED, SEIZED, FOUND_AFTER_DESTRUCTION)),
	FOUND_AFTER_DESTRUCTION_RECORD(EnumSet.of(DESTROYED));

	private static final Map<FirearmStatus, RegistryRule> REFUSALS = Map.of(STOLEN,
			RegistryRule.StolenFirearmCannotChangeUntilRecovered, LOST,
			RegistryRule.LostFirearmCannotChangeUntilRecovered, DESTROYED,
			RegistryRule.DestroyedFirearmAcceptsOnlyFoundAfterDestruction, EXPORTED,
			RegistryRule.ExportedFirearmIsNotInTheCountry, SEIZED, RegistryRule.SeizedFirearmIsInCustody,
			FOUND_AFTER_DESTRUCTION, RegistryRule.DivertedFirearmMustBeSeizedFirst, DEACTIVATED,
			RegistryRule.DeactivatedFirearmCannotDoThis, ACTIVE, RegistryRule.FirearmIsNotMissingOrDestroyed);

	private final Set<FirearmStatus> allowed;

	LifeCycleRules(Set<FirearmStatus> allowed) {
		this.allowed = allowed;
	}

	/**
	 * Adds the refusal to {@code checks} when the firearm's status does not allow this
	 * action; its values are the status, the action and the statuses that allow it.
	 */
	void check(FirearmStatus status, Checks checks) {
		if (allowed.contains(status)) {
			return;
		}
		RegistryRule rule = this == TRANSFER && status == STOLEN ? RegistryRule.StolenFirearmCannotBeTransferred
				: this == TRANSFER && status == LOST ? RegistryRule.LostFirearmCannotBeTransferred
						: REFUSALS.get(status);
		checks.add("firearmId", rule, status, name(),
				String.join(", ", allowed.stream().map(FirearmStatus::name).toList()));
	}

}
