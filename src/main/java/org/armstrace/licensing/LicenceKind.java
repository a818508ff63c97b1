package org.armstrace.licensing;

import java.util.EnumSet;
import java.util.Set;

import org.armstrace.registry.HolderRole;

/** What a licence allows its holder to do. */
public enum LicenceKind {

	/** An individual's possession licence. */
	POSSESSION,
	/** A collector's licence. */
	COLLECTOR,
	/** A dealer's licence: buying, selling and keeping stock. */
	DEALER,
	/** A manufacturer's licence. */
	MANUFACTURER,
	/** A broker's registration (Firearms Protocol art. 15). */
	BROKER,
	/** A shooting club's or range's licence. */
	SHOOTING_CLUB,
	/** A State agency's authorisation. */
	STATE_AGENCY;

	/** The kinds that let a holder of this role acquire firearms. */
	static Set<LicenceKind> acquiringAs(HolderRole role) {
		return switch (role) {
			case PRIVATE_OWNER -> EnumSet.of(POSSESSION, COLLECTOR, SHOOTING_CLUB);
			case DEALER -> EnumSet.of(DEALER);
			case MANUFACTURER -> EnumSet.of(MANUFACTURER, DEALER);
			case BROKER -> EnumSet.of(BROKER, DEALER);
			case STATE_AGENCY -> EnumSet.of(STATE_AGENCY);
		};
	}

}
