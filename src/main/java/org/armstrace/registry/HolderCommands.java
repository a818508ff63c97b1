package org.armstrace.registry;

import java.util.UUID;

import org.armstrace.command.Checks;
import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Decision;
import org.armstrace.command.Limits;
import org.armstrace.reference.Countries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import jakarta.validation.constraints.Size;

/**
 * Holders: manufacturers, dealers, brokers, State agencies and private owners. The ledger
 * records a holder's id, role, country and licence reference; the name and address stay
 * in an ordinary table, where they can be corrected or erased under data-protection law
 * without touching a hash.
 */
@Service
public class HolderCommands {

	public record RegisterHolder(HolderRole role, @Size(max = Limits.NAME) String name,
			@Size(max = Limits.TEXT) String address, @Size(max = Limits.COUNTRY) String country,
			@Size(max = Limits.REFERENCE) String licenceReference) {
	}

	private final CommandKernel.Commands<RegistryEvent> commands;

	private final JdbcClient jdbc;

	private final Countries countries;

	HolderCommands(CommandKernel kernel, RegistryProjection projection, JdbcClient jdbc, Countries countries) {
		this.commands = kernel.commandsFor(projection);
		this.jdbc = jdbc;
		this.countries = countries;
	}

	public CommandResult register(RegisterHolder c, String actor, String idempotencyKey) {
		return commands.run("register-holder", actor, idempotencyKey, c, () -> {
			String country = countries.codeOrAsGiven(c.country());
			Checks checks = new Checks().require("role", c.role())
				.require("name", c.name())
				.maxLength("name", c.name(), 300)
				.maxLength("address", c.address(), 500)
				.country("country", country)
				.maxLength("licenceReference", c.licenceReference(), 100);
			if (checks.failed()) {
				return checks.refuse();
			}
			UUID id = UUID.randomUUID();
			return Decision
				.<RegistryEvent>record(id,
						new RegistryEvent.HolderRegistered(id, c.role(), country, c.licenceReference()))
				.alsoWrite(() -> jdbc.sql("INSERT INTO holder_identity (holder_id, name, address) VALUES (?, ?, ?)")
					.params(id, c.name().trim(), c.address())
					.update());
		});
	}

}
