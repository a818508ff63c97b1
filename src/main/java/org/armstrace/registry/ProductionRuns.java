package org.armstrace.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.armstrace.command.Checks;
import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Decision;
import org.armstrace.command.Limits;
import org.armstrace.command.PlausibleDate;
import org.armstrace.reference.Countries;
import org.armstrace.reference.Names;
import org.springframework.stereotype.Service;

import jakarta.validation.constraints.Size;

/**
 * A manufacturer's production run recorded as one command: every serial is checked, and
 * all or none recorded.
 */
@Service
public class ProductionRuns {

	/**
	 * A production run: {@code count} firearms alike but for their serials,
	 * {@code serialPrefix} followed by consecutive numbers from {@code firstNumber},
	 * zero-padded to {@code digits}.
	 */
	public record RegisterProductionRun(FirearmType type, @Size(max = Limits.NAME) String make,
			@Size(max = Limits.NAME) String model, @Size(max = Limits.SHORT) String calibre,
			@Size(max = Limits.COUNTRY) String countryOfManufacture, Integer year, UUID holderId,
			@Size(max = Limits.MARKING) String serialPrefix, long firstNumber, int count, int digits,
			@PlausibleDate LocalDate occurredOn) {

		/** The same run, made in {@code country}. */
		RegisterProductionRun madeIn(String country) {
			return new RegisterProductionRun(type, make, model, calibre, country, year, holderId, serialPrefix,
					firstNumber, count, digits, occurredOn);
		}

	}

	/**
	 * The largest production run one command records: bigger runs are split by the
	 * caller, so that one command holds the ledger for a fraction of a second (about 0.2
	 * s for 1,000 firearms), not for seconds.
	 */
	static final int MAX_RUN = 1_000;

	private final CommandKernel.Commands<RegistryEvent> commands;

	private final RegistryState state;

	private final Countries countries;

	ProductionRuns(CommandKernel kernel, RegistryProjection projection, RegistryState state, Countries countries) {
		this.commands = kernel.commandsFor(projection);
		this.state = state;
		this.countries = countries;
	}

	public CommandResult register(RegisterProductionRun asGiven, String actor, String idempotencyKey) {
		return commands.run("register-production-run", actor, idempotencyKey, asGiven, () -> {
			RegisterProductionRun c = asGiven.madeIn(countries.codeOrAsGiven(asGiven.countryOfManufacture()));
			Checks checks = new Checks().require("type", c.type())
				.require("make", c.make())
				.maxLength("make", c.make(), 200)
				.country("countryOfManufacture", c.countryOfManufacture())
				.year("year", c.year())
				.notInFuture("occurredOn", c.occurredOn());
			checks.rule(c.count() >= 1 && c.count() <= MAX_RUN, "count", RegistryRule.ProductionRunSize, MAX_RUN,
					c.count());
			checks.inRange("firstNumber", c.firstNumber(), 0, Long.MAX_VALUE).inRange("digits", c.digits(), 1, 12);
			checks.rule(c.holderId() == null || state.holderExists(c.holderId()), "holderId",
					RegistryRule.HolderMustExist, c.holderId());
			if (checks.failed()) {
				return checks.refuse();
			}
			List<String> serials = serials(c);
			SerialNumbers.check(checks, "serialPrefix", serials.getLast());
			Map<String, String> taken = state.firearmsWithMarkings(Names.makerKey(c.make()), c.countryOfManufacture(),
					serials.stream().map(SerialNumbers::key).toList());
			for (String serial : serials) {
				String twin = taken.get(SerialNumbers.key(serial));
				checks.rule(twin == null, "serialPrefix", RegistryRule.MarkingIsUnique, c.make(),
						c.countryOfManufacture(), serial, twin);
			}
			if (checks.failed()) {
				return checks.refuse();
			}
			List<RegistryEvent> events = manufactured(c, serials);
			return Decision.record(((RegistryEvent.FirearmManufactured) events.getFirst()).firearmId(), events);
		});
	}

	private static List<String> serials(RegisterProductionRun c) {
		List<String> serials = new ArrayList<>(c.count());
		for (long n = c.firstNumber(); n < c.firstNumber() + c.count(); n++) {
			serials.add((c.serialPrefix() == null ? "" : c.serialPrefix().trim())
					+ String.format("%0" + c.digits() + "d", n));
		}
		return serials;
	}

	private List<RegistryEvent> manufactured(RegisterProductionRun c, List<String> serials) {
		List<String> numbers = state.reserveRecordNumbers(FirearmCommands.RECORD_PREFIX, c.count());
		List<RegistryEvent> events = new ArrayList<>(c.count());
		for (int i = 0; i < serials.size(); i++) {
			events.add(new RegistryEvent.FirearmManufactured(UUID.randomUUID(), numbers.get(i), c.type(),
					FirearmKinds.INDUSTRIAL, c.make().trim(), c.model(), c.calibre(), serials.get(i),
					c.countryOfManufacture(), c.year(),
					Marking.implied(c.make(), c.countryOfManufacture(), serials.get(i), c.year()), c.holderId(), null,
					null, Checks.orToday(c.occurredOn())));
		}
		return events;
	}

}
