package org.armstrace.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.armstrace.registry.CommandRunner.Decision;
import org.armstrace.registry.RegistryState.FirearmState;
import org.armstrace.registry.RegistryState.PartState;
import org.springframework.stereotype.Service;

/** Essential parts and components: marked and recorded on their own, fitted to and removed from firearms. */
@Service
public class PartCommands {

	public record RegisterPart(PartKind kind, String make, String calibre, String serial,
			String countryOfManufacture, List<Marking> markings, UUID holderId, LocalDate occurredOn) {
	}

	public record FitPart(UUID firearmId, LocalDate occurredOn) {
	}

	public record RemovePart(LocalDate occurredOn) {
	}

	private final CommandRunner runner;

	private final RegistryState state;

	PartCommands(CommandRunner runner, RegistryState state) {
		this.runner = runner;
		this.state = state;
	}

	public CommandResult register(RegisterPart c, String actor, String key) {
		return runner.run("register-part", actor, key, () -> {
			Checks checks = new Checks().require("kind", c.kind()).require("make", c.make())
				.maxLength("make", c.make(), 200).serial("serial", c.serial())
				.country("countryOfManufacture", c.countryOfManufacture()).notInFuture("occurredOn", c.occurredOn());
			checks.rule(c.holderId() == null || state.holderExists(c.holderId()), "holderId", "HolderMustExist",
					"no holder " + c.holderId());
			if (checks.failed()) {
				return Decision.reject(checks.violations());
			}
			UUID id = UUID.randomUUID();
			List<Marking> markings = c.markings() == null || c.markings().isEmpty()
					? List.of(new Marking(MarkingKind.SERIAL, c.serial().trim(), null, null)) : c.markings();
			return Decision.record(id, new RegistryEvent.PartManufactured(id, c.kind(), c.make().trim(), c.calibre(),
					c.serial().trim(), c.countryOfManufacture(), markings, c.holderId(), Checks.orToday(c.occurredOn())));
		});
	}

	public CommandResult fit(UUID partId, FitPart c, String actor, String key) {
		return runner.run("fit-part", actor, key, () -> {
			Checks checks = new Checks().require("firearmId", c.firearmId()).notInFuture("occurredOn", c.occurredOn());
			Optional<PartState> part = state.part(partId);
			checks.rule(part.isPresent(), "partId", "PartMustExist", "no part " + partId);
			Optional<FirearmState> firearm = state.firearm(c.firearmId());
			checks.rule(c.firearmId() == null || firearm.isPresent(), "firearmId", "FirearmMustExist",
					"no firearm " + c.firearmId());
			part.ifPresent(p -> checks.rule(p.fittedTo() == null, "partId", "PartIsFittedToOneFirearm",
					"the part is fitted to firearm " + p.fittedTo() + "; remove it first"));
			firearm.ifPresent(f -> checks.rule(f.status() != FirearmStatus.DESTROYED, "firearmId",
					"DestroyedFirearmAcceptsOnlyFoundAfterDestruction", "a destroyed firearm takes no parts"));
			return checks.failed() ? Decision.reject(checks.violations())
					: Decision.record(partId,
							new RegistryEvent.PartFitted(partId, c.firearmId(), Checks.orToday(c.occurredOn())));
		});
	}

	public CommandResult remove(UUID partId, RemovePart c, String actor, String key) {
		return runner.run("remove-part", actor, key, () -> {
			Checks checks = new Checks().notInFuture("occurredOn", c.occurredOn());
			Optional<PartState> part = state.part(partId);
			checks.rule(part.isPresent(), "partId", "PartMustExist", "no part " + partId);
			part.ifPresent(p -> checks.rule(p.fittedTo() != null, "partId", "OnlyFittedPartCanBeRemoved",
					"the part is not fitted to any firearm"));
			return checks.failed() ? Decision.reject(checks.violations())
					: Decision.record(partId, new RegistryEvent.PartRemoved(partId, part.get().fittedTo(),
							Checks.orToday(c.occurredOn())));
		});
	}

}
