package org.armstrace.seizure;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Decision;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Records seizure events that were generated, not commanded: demo data. The events go
 * through the command kernel in one transaction (the ledger's lock, the append, the
 * projections), with the persons' and shipment parties' identities beside them.
 * <p>
 * They are <em>not</em> checked against the seizure rules, and no recovery protocol runs:
 * the generator builds seizures, items and protocol steps valid by construction, and
 * running the protocol on tens of thousands of items would make a large demo slow to
 * create. So only demo data uses this; every seizure an officer records goes through
 * {@link Seizures}, {@link EvidenceCustody} and {@link DestructionGate}, which check
 * them.
 */
@Service
public class GeneratedSeizures {

	/** A person's name and nationality: kept beside the ledger, never on it. */
	public record PersonIdentity(String name, String nationality) {
	}

	private final CommandKernel.Commands<SeizureEvent> commands;

	private final JdbcClient jdbc;

	GeneratedSeizures(CommandKernel kernel, SeizureProjection projection, JdbcClient jdbc) {
		this.commands = kernel.commandsFor(projection);
		this.jdbc = jdbc;
	}

	/**
	 * Records the events in order, in one transaction (joining the caller's, if any),
	 * unchecked.
	 * @param persons the identities of the persons involved that the events name, by
	 * person id
	 * @param parties the senders and recipients of shipments that the events name, by
	 * party id
	 * @param actor who records them: a system id such as {@code system:demo}
	 * @return the number of ledger entries written
	 */
	public long record(List<SeizureEvent> events, Map<UUID, PersonIdentity> persons, Map<UUID, Seizures.Party> parties,
			String actor) {
		CommandResult recorded = commands.run("record-generated-seizures", actor, null,
				() -> Decision.<SeizureEvent>record(null, events).alsoWrite(() -> {
					persons.forEach((id, person) -> jdbc
						.sql("INSERT INTO seizure_person_identity (person_id, name, nationality) VALUES (?, ?, ?)")
						.params(id, person.name(), person.nationality())
						.update());
					parties.forEach((id, party) -> jdbc
						.sql("INSERT INTO shipment_party (id, name, address, party_key, phone, payment_reference) "
								+ "VALUES (?, ?, ?, ?, ?, ?)")
						.params(id, party.name(), party.address(), Seizures.partyKey(party), party.phone(),
								party.paymentReference())
						.update());
				}));
		return ((CommandResult.Accepted) recorded).ledgerSeqs().size();
	}

}
