package org.armstrace.registry;

import java.time.Year;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.UUID;

import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Decision;
import org.armstrace.registry.RegistryEvent.FirearmManufactured;
import org.armstrace.registry.RegistryEvent.LegacyFirearmImported;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Records registry histories that were generated, not commanded: demo data. The events go
 * through the command kernel in one transaction (the ledger's lock, the append, the
 * projections), with the holders' names and addresses beside them, and the record-number
 * counter is moved up to the record numbers they carry.
 * <p>
 * They are <em>not</em> checked against the registry's rules: the generator builds valid
 * histories by construction, and checking each of hundreds of thousands of events would
 * make a large demo registry slow to create. So only demo data uses this; every fact an
 * officer, a dealer or an import records goes through the commands
 * ({@link FirearmCommands}, {@link HolderCommands} and the others), which check them.
 */
@Service
public class GeneratedRecords {

	/** A holder's name and address: kept beside the ledger, never on it. */
	public record HolderIdentity(String name, String address) {
	}

	private final CommandKernel.Commands<RegistryEvent> commands;

	private final RegistryState state;

	private final JdbcClient jdbc;

	GeneratedRecords(CommandKernel kernel, RegistryProjection projection, RegistryState state, JdbcClient jdbc) {
		this.commands = kernel.commandsFor(projection);
		this.state = state;
		this.jdbc = jdbc;
	}

	/**
	 * Records the events in order, in one transaction, unchecked.
	 * @param holders the identities of the holders the events register, by holder id
	 * @param actor who records them: a system id such as {@code system:demo}
	 * @return the number of ledger entries written
	 */
	public long record(List<RegistryEvent> events, Map<UUID, HolderIdentity> holders, String actor) {
		CommandResult recorded = commands.run("record-generated-records", actor, null,
				() -> Decision.<RegistryEvent>record(null, events).alsoWrite(() -> {
					holders.forEach((id, identity) -> jdbc
						.sql("INSERT INTO holder_identity (holder_id, name, address) VALUES (?, ?, ?)")
						.params(id, identity.name(), identity.address())
						.update());
					countRecordNumbers(events);
				}));
		return ((CommandResult.Accepted) recorded).ledgerSeqs().size();
	}

	/**
	 * This year's record numbers among the events: the counter must not fall behind them.
	 */
	private void countRecordNumbers(List<RegistryEvent> events) {
		int year = Year.now().getValue();
		String thisYear = String.format("%s-%d-", FirearmCommands.RECORD_PREFIX, year);
		OptionalLong highest = events.stream().map(event -> switch (event) {
			case FirearmManufactured m -> m.recordNumber();
			case LegacyFirearmImported l -> l.recordNumber();
			default -> null;
		})
			.filter(Objects::nonNull)
			.filter(number -> number.startsWith(thisYear))
			.mapToLong(number -> Long.parseLong(number.substring(thisYear.length())))
			.max();
		highest.ifPresent(issued -> state.raiseRecordNumbers(FirearmCommands.RECORD_PREFIX, year, issued));
	}

}
