package org.armstrace.registry;

import org.armstrace.command.CommandKernel;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Service;

/**
 * Rebuilds the registry's tables from the ledger alone, in one transaction: officers see the old tables until the
 * new ones are complete. Holders' names and addresses are not on the ledger and are left as they are.
 */
@Service
public class RegistryRebuild {

	private final CommandKernel kernel;

	private final RegistryProjection projection;

	RegistryRebuild(CommandKernel kernel, RegistryProjection projection) {
		this.kernel = kernel;
		this.projection = projection;
	}

	/** @return the number of registry events applied */
	public long rebuild() {
		return kernel.rebuild(projection, RegistryEvent.TYPES);
	}

	/** The {@code rebuild} verb. */
	public int runFromCommandLine(ApplicationArguments args) {
		long started = System.nanoTime();
		long applied = rebuild();
		System.out.printf("rebuilt the registry from %,d ledger events in %.1f s%n", applied,
				(System.nanoTime() - started) / 1e9);
		return 0;
	}

}
