package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.armstrace.command.CommandResult;
import org.springframework.stereotype.Component;

/**
 * Registry facts as tests need them, in the domain's words: a dealer, a registered pistol
 * held by someone.
 */
@Component
class RegistryFixture {

	static final String ACTOR = "user:registrar-test";

	private static final AtomicInteger serials = new AtomicInteger(100_000);

	final HolderCommands holders;

	final FirearmCommands firearms;

	RegistryFixture(HolderCommands holders, FirearmCommands firearms) {
		this.holders = holders;
		this.firearms = firearms;
	}

	UUID holder(HolderRole role, String country) {
		return accepted(holders
			.register(new HolderCommands.RegisterHolder(role, "Synthetic " + role + " " + serials.incrementAndGet(),
					"1 Example Street", country, "LIC-" + serials.get()), ACTOR, null));
	}

	UUID dealer() {
		return holder(HolderRole.DEALER, "AUT");
	}

	UUID owner() {
		return holder(HolderRole.PRIVATE_OWNER, "AUT");
	}

	static String nextSerial() {
		return "SYN" + serials.incrementAndGet();
	}

	static FirearmCommands.RegisterFirearm pistol(String make, String serial, UUID holder) {
		return new FirearmCommands.RegisterFirearm(FirearmType.PISTOL, null, make, "P1", "9x19mm", serial, "AUT", 2020,
				List.of(), holder, null, false, LocalDate.of(2020, 5, 1));
	}

	UUID registeredPistolHeldBy(UUID holder) {
		return accepted(firearms.register(pistol("Synthetic Arms", nextSerial(), holder), ACTOR, null));
	}

	UUID stolenPistolHeldBy(UUID holder) {
		UUID id = registeredPistolHeldBy(holder);
		accepted(firearms.reportStolen(id, new FirearmCommands.ReportMissing(holder, "POL-1", null), ACTOR, null));
		return id;
	}

	static UUID accepted(CommandResult result) {
		assertThat(result).as("%s", result).isInstanceOf(CommandResult.Accepted.class);
		return ((CommandResult.Accepted) result).subjectId();
	}

	static List<String> rules(CommandResult result) {
		assertThat(result).as("%s", result).isInstanceOf(CommandResult.Rejected.class);
		return ((CommandResult.Rejected) result).violations().stream().map(v -> v.field() + ":" + v.rule()).toList();
	}

}
