package org.armstrace.registry;

import org.armstrace.command.CommandKernel;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the registry's tables from the ledger alone, in one transaction: officers see
 * the old tables until the new ones are complete. Holders' names and addresses are not on
 * the ledger and are left as they are.
 */
@Service
public class RegistryRebuild {

	private final CommandKernel kernel;

	private final RegistryProjection projection;

	private final RegistryState state;

	RegistryRebuild(CommandKernel kernel, RegistryProjection projection, RegistryState state) {
		this.kernel = kernel;
		this.projection = projection;
		this.state = state;
	}

	/**
	 * Rebuilds the tables and brings the record-number counter up to the numbers the
	 * ledger issued.
	 * @return the number of registry events applied
	 */
	public long rebuild() {
		long applied = kernel.rebuild(projection, RegistryEvent.TYPES);
		state.catchUpRecordNumbers(FirearmCommands.RECORD_PREFIX);
		return applied;
	}

	/**
	 * Brings the record-number counter up to the numbers the tables hold, after they were
	 * rebuilt.
	 */
	public void catchUpRecordNumbers() {
		state.catchUpRecordNumbers(FirearmCommands.RECORD_PREFIX);
	}

}
