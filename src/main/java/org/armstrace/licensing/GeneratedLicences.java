package org.armstrace.licensing;

import java.util.List;

import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Decision;
import org.springframework.stereotype.Service;

/**
 * Records licensing events that were generated, not commanded: demo data, valid by
 * construction and <em>not</em> checked, in one transaction through the command kernel.
 * Every licence an officer handles goes through {@link Licences}, which checks it.
 */
@Service
public class GeneratedLicences {

	private final CommandKernel.Commands<LicensingEvent> commands;

	GeneratedLicences(CommandKernel kernel, LicenceProjection projection) {
		this.commands = kernel.commandsFor(projection);
	}

	/** Records the events in order, unchecked; returns the ledger entries written. */
	public long record(List<LicensingEvent> events, String actor) {
		CommandResult recorded = commands.run("record-generated-licences", actor, null,
				() -> Decision.<LicensingEvent>record(null, events));
		return ((CommandResult.Accepted) recorded).ledgerSeqs().size();
	}

}
