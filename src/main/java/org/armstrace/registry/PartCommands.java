package org.armstrace.registry;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.armstrace.command.Checks;
import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Decision;
import org.armstrace.command.Limits;
import org.armstrace.command.PlausibleDate;
import org.armstrace.reference.Countries;
import org.armstrace.registry.RegistryState.FirearmState;
import org.armstrace.registry.RegistryState.PartState;
import org.springframework.stereotype.Service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Essential parts and components: marked and recorded on their own, fitted to and removed
 * from firearms.
 */
@Service
public class PartCommands {

	public record RegisterPart(PartKind kind, @Size(max = Limits.NAME) String make,
			@Size(max = Limits.SHORT) String calibre, @Size(max = Limits.MARKING) String serial,
			@Size(max = Limits.COUNTRY) String countryOfManufacture,
			@Size(max = Limits.FEW) List<@NotNull @Valid Marking> markings, UUID holderId,
			@PlausibleDate LocalDate occurredOn) {
	}

	public record FitPart(UUID firearmId, @PlausibleDate LocalDate occurredOn) {
	}

	public record RemovePart(@PlausibleDate LocalDate occurredOn) {
	}

	private final CommandKernel.Commands<RegistryEvent> commands;

	private final RegistryState state;

	private final Countries countries;

	PartCommands(CommandKernel kernel, RegistryProjection projection, RegistryState state, Countries countries) {
		this.commands = kernel.commandsFor(projection);
		this.state = state;
		this.countries = countries;
	}

	public CommandResult register(RegisterPart c, String actor, String key) {
		return commands.run("register-part", actor, key, c, () -> {
			String country = countries.codeOrAsGiven(c.countryOfManufacture());
			Checks checks = new Checks().require("kind", c.kind())
				.require("make", c.make())
				.maxLength("make", c.make(), 200)
				.country("countryOfManufacture", country)
				.notInFuture("occurredOn", c.occurredOn());
			SerialNumbers.check(checks, "serial", c.serial());
			checks.rule(c.holderId() == null || state.holderExists(c.holderId()), "holderId",
					RegistryRule.HolderMustExist, c.holderId());
			if (checks.failed()) {
				return checks.refuse();
			}
			UUID id = UUID.randomUUID();
			List<Marking> markings = c.markings() == null || c.markings().isEmpty()
					? List.of(new Marking(MarkingKind.SERIAL, c.serial().trim(), null, null)) : c.markings();
			return Decision.record(id, new RegistryEvent.PartManufactured(id, c.kind(), c.make().trim(), c.calibre(),
					c.serial().trim(), country, markings, c.holderId(), Checks.orToday(c.occurredOn())));
		});
	}

	public CommandResult fit(UUID partId, FitPart c, String actor, String key) {
		return commands.run("fit-part", actor, key, Arrays.asList(partId, c), () -> {
			Checks checks = new Checks().require("firearmId", c.firearmId()).notInFuture("occurredOn", c.occurredOn());
			Optional<PartState> part = state.part(partId);
			checks.rule(part.isPresent(), "partId", RegistryRule.PartMustExist, partId);
			Optional<FirearmState> firearm = state.firearm(c.firearmId());
			checks.rule(c.firearmId() == null || firearm.isPresent(), "firearmId", RegistryRule.FirearmMustExist,
					c.firearmId());
			part.ifPresent(p -> checks.rule(p.fittedTo() == null, "partId", RegistryRule.PartIsFittedToOneFirearm,
					p.fittedTo()));
			firearm.ifPresent(f -> checks.rule(f.status() != FirearmStatus.DESTROYED, "firearmId",
					RegistryRule.DestroyedFirearmAcceptsOnlyFoundAfterDestruction, f.status(), "FIT_PART", ""));
			return checks.failed() ? checks.refuse() : Decision.record(partId,
					new RegistryEvent.PartFitted(partId, c.firearmId(), Checks.orToday(c.occurredOn())));
		});
	}

	public CommandResult remove(UUID partId, RemovePart c, String actor, String key) {
		return commands.run("remove-part", actor, key, Arrays.asList(partId, c), () -> {
			Checks checks = new Checks().notInFuture("occurredOn", c.occurredOn());
			Optional<PartState> part = state.part(partId);
			checks.rule(part.isPresent(), "partId", RegistryRule.PartMustExist, partId);
			part.ifPresent(p -> checks.rule(p.fittedTo() != null, "partId", RegistryRule.OnlyFittedPartCanBeRemoved));
			return checks.failed() ? checks.refuse() : Decision.record(partId,
					new RegistryEvent.PartRemoved(partId, part.get().fittedTo(), Checks.orToday(c.occurredOn())));
		});
	}

}
