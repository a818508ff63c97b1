package org.armstrace.transfers;

import java.util.List;

import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Decision;
import org.springframework.stereotype.Service;

/**
 * Records transfers events that were generated, not commanded: demo data, valid by
 * construction and <em>not</em> checked, in one transaction through the command kernel.
 * Every authorisation an officer handles goes through {@link Authorisations}.
 */
@Service
public class GeneratedTransfers {

	private final CommandKernel.Commands<TransfersEvent> commands;

	GeneratedTransfers(CommandKernel kernel, TransfersProjection projection) {
		this.commands = kernel.commandsFor(projection);
	}

	/** Records the events in order, unchecked; returns the ledger entries written. */
	public long record(List<TransfersEvent> events, String actor) {
		CommandResult recorded = commands.run("record-generated-transfers", actor, null,
				() -> Decision.<TransfersEvent>record(null, events));
		return ((CommandResult.Accepted) recorded).ledgerSeqs().size();
	}

}
