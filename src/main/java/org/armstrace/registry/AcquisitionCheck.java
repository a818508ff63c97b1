package org.armstrace.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.armstrace.command.Refusal;

/**
 * A check another module makes before a holder acquires a firearm (licensing: that the
 * acquirer holds a licence covering it). It runs inside the transfer's command, under the
 * ledger's lock, and its refusals are the command's.
 */
public interface AcquisitionCheck {

	/**
	 * One acquisition.
	 *
	 * @param category the firearm's category in the State's classification
	 * @param acquirerRole the acquiring holder's role
	 */
	record Acquisition(UUID firearmId, String category, UUID acquirerId, HolderRole acquirerRole, LocalDate on) {
	}

	/** Why {@code acquisition} may not happen; empty when it may. */
	List<Refusal> refusals(Acquisition acquisition);

}
