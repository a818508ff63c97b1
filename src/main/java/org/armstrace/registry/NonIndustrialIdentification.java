package org.armstrace.registry;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.armstrace.command.Checks;
import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Decision;
import org.armstrace.command.PlausibleDate;
import org.armstrace.reference.NonIndustrialCatalogue;
import org.armstrace.registry.RegistryEvent.FirearmIdentifiedAsNonIndustrial;
import org.springframework.stereotype.Service;

import jakarta.validation.constraints.Size;

/**
 * Identifies a firearm on the record as a design of the catalogue of non-industrial
 * firearms (an FGC-9, a converted alarm pistol): the record takes the entry and its kind.
 */
@Service
public class NonIndustrialIdentification {

	/**
	 * @param entryCode the catalogue entry's code ("FGC-9")
	 */
	public record IdentifyNonIndustrial(@Size(max = 60) String entryCode, @PlausibleDate LocalDate occurredOn) {
	}

	private final CommandKernel.Commands<RegistryEvent> commands;

	private final RegistryState state;

	private final NonIndustrialCatalogue catalogue;

	NonIndustrialIdentification(CommandKernel kernel, RegistryProjection projection, RegistryState state,
			NonIndustrialCatalogue catalogue) {
		this.commands = kernel.commandsFor(projection);
		this.state = state;
		this.catalogue = catalogue;
	}

	public CommandResult identify(UUID firearmId, IdentifyNonIndustrial c, String actor, String key) {
		return commands.run("identify-non-industrial", actor, key, Arrays.asList(firearmId, c), () -> {
			if (state.firearm(firearmId).isEmpty()) {
				return Decision.refuse("firearmId", RegistryRule.FirearmMustExist, firearmId);
			}
			Checks checks = new Checks().require("entryCode", c.entryCode()).notInFuture("occurredOn", c.occurredOn());
			Optional<NonIndustrialCatalogue.Entry> entry = c.entryCode() == null || c.entryCode().isBlank()
					? Optional.empty() : catalogue.entry(c.entryCode().trim());
			checks.rule(checks.failed() || entry.isPresent(), "entryCode", RegistryRule.NonIndustrialEntryIsKnown,
					c.entryCode());
			if (checks.failed()) {
				return checks.refuse();
			}
			return Decision.record(firearmId, new FirearmIdentifiedAsNonIndustrial(firearmId, entry.get().code(),
					entry.get().kind().name(), Checks.orToday(c.occurredOn())));
		});
	}

}
