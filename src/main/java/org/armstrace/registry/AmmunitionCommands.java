package org.armstrace.registry;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.armstrace.command.Checks;
import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Decision;
import org.armstrace.command.Limits;
import org.armstrace.command.PlausibleDate;
import org.springframework.stereotype.Service;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Size;

/**
 * Ammunition by lot (manufacturer, calibre, lot number) and quantity per holder;
 * quantities never go negative.
 */
@Service
public class AmmunitionCommands {

	public record ProduceAmmunition(@Size(max = Limits.NAME) String manufacturer,
			@Size(max = Limits.SHORT) String calibre, @Size(max = Limits.REFERENCE) String lotNumber,
			@Size(max = Limits.REFERENCE) String headstamp, Integer year, UUID holderId,
			@Max(Limits.ROUNDS) long quantity, @PlausibleDate LocalDate occurredOn) {
	}

	public record TransferAmmunition(UUID fromHolderId, UUID toHolderId, @Max(Limits.ROUNDS) long quantity,
			@PlausibleDate LocalDate occurredOn) {
	}

	public record ConsumeAmmunition(UUID holderId, @Max(Limits.ROUNDS) long quantity,
			@Size(max = Limits.TEXT) String reason, @PlausibleDate LocalDate occurredOn) {
	}

	private final CommandKernel.Commands<RegistryEvent> commands;

	private final RegistryState state;

	AmmunitionCommands(CommandKernel kernel, RegistryProjection projection, RegistryState state) {
		this.commands = kernel.commandsFor(projection);
		this.state = state;
	}

	public CommandResult produce(ProduceAmmunition c, String actor, String key) {
		return commands.run("produce-ammunition", actor, key, c, () -> {
			Checks checks = new Checks().require("manufacturer", c.manufacturer())
				.require("calibre", c.calibre())
				.require("lotNumber", c.lotNumber())
				.require("holderId", c.holderId())
				.positive("quantity", c.quantity())
				.year("year", c.year())
				.notInFuture("occurredOn", c.occurredOn());
			checks.rule(c.holderId() == null || state.holderExists(c.holderId()), "holderId",
					RegistryRule.HolderMustExist, c.holderId());
			if (checks.failed()) {
				return checks.refuse();
			}
			UUID lot = UUID.randomUUID();
			return Decision.record(lot,
					new RegistryEvent.AmmunitionProduced(lot, c.manufacturer().trim(), c.calibre().trim(),
							c.lotNumber().trim(), c.headstamp(), c.year(), c.holderId(), c.quantity(),
							Checks.orToday(c.occurredOn())));
		});
	}

	public CommandResult transfer(UUID lotId, TransferAmmunition c, String actor, String key) {
		return commands.run("transfer-ammunition", actor, key, Arrays.asList(lotId, c), () -> {
			Checks checks = lotChecks(lotId).require("fromHolderId", c.fromHolderId())
				.require("toHolderId", c.toHolderId())
				.positive("quantity", c.quantity())
				.notInFuture("occurredOn", c.occurredOn());
			checks.rule(c.toHolderId() == null || state.holderExists(c.toHolderId()), "toHolderId",
					RegistryRule.HolderMustExist, c.toHolderId());
			holdsEnough(lotId, c.fromHolderId(), c.quantity(), checks);
			return checks.failed() ? checks.refuse()
					: Decision.record(lotId, new RegistryEvent.AmmunitionTransferred(lotId, c.fromHolderId(),
							c.toHolderId(), c.quantity(), Checks.orToday(c.occurredOn())));
		});
	}

	public CommandResult consume(UUID lotId, ConsumeAmmunition c, String actor, String key) {
		return commands.run("consume-ammunition", actor, key, Arrays.asList(lotId, c), () -> {
			Checks checks = lotChecks(lotId).require("holderId", c.holderId())
				.positive("quantity", c.quantity())
				.require("reason", c.reason())
				.notInFuture("occurredOn", c.occurredOn());
			holdsEnough(lotId, c.holderId(), c.quantity(), checks);
			return checks.failed() ? checks.refuse()
					: Decision.record(lotId, new RegistryEvent.AmmunitionConsumed(lotId, c.holderId(), c.quantity(),
							c.reason(), Checks.orToday(c.occurredOn())));
		});
	}

	private Checks lotChecks(UUID lotId) {
		Checks checks = new Checks();
		checks.rule(state.lotExists(lotId), "lotId", RegistryRule.AmmunitionLotMustExist, lotId);
		return checks;
	}

	private void holdsEnough(UUID lotId, UUID holderId, long quantity, Checks checks) {
		if (holderId == null || quantity <= 0 || !state.lotExists(lotId)) {
			return;
		}
		// names the rounds asked for, never what the holder holds: see "Personal data" in
		// docs/roles.md
		long held = state.quantityHeld(lotId, holderId);
		checks.rule(held >= quantity, "quantity", RegistryRule.AmmunitionQuantityNeverNegative, quantity);
	}

}
