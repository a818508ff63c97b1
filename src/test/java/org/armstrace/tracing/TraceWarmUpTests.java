package org.armstrace.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.armstrace.DatabaseTest;
import org.armstrace.command.CommandResult;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;

/**
 * An instance warms its trace searches up before it reports ready: the firearm index is
 * out of service until the warm-up has run its searches, then up.
 */
@DatabaseTest
class TraceWarmUpTests {

	@Autowired
	Tracing tracing;

	@Autowired
	FirearmIndex index;

	@Autowired
	IndexUpdater updater;

	@Autowired
	Confusions confusions;

	@Autowired
	FirearmCommands firearms;

	@Test
	void readinessWaitsForTheWarmUpSearchesThenIsUp() {
		for (int i = 0; i < 5; i++) {
			String serial = "WU" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
			assertThat(firearms.register(
					new FirearmCommands.RegisterFirearm(FirearmType.PISTOL, null, "Glock", "17", "9x19mm", serial,
							"AUT", 2018, List.of(), null, null, false, LocalDate.of(2018, 3, 1)),
					"user:registrar-1", null))
				.isInstanceOf(CommandResult.Accepted.class);
		}
		tracing.catchUp();
		TraceWarmUp warmUp = new TraceWarmUp(tracing, index, updater, confusions, 40, Duration.ofMinutes(1));
		FirearmIndexHealthIndicator health = new FirearmIndexHealthIndicator(updater, warmUp);

		assertThat(health.health(true).getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.health(true).getDetails()).containsEntry("warmedUp", false);

		warmUp.run();

		assertThat(warmUp.searchesRun()).isEqualTo(40);
		assertThat(health.health(true).getStatus()).isEqualTo(Status.UP);
		assertThat(health.health(true).getDetails()).containsEntry("warmUpSearches", 40)
			.containsEntry("warmedUp", true);
	}

	@Test
	void noWarmUpAskedForIsReadyAtOnce() {
		TraceWarmUp none = new TraceWarmUp(tracing, index, updater, confusions, 0, Duration.ofMinutes(1));
		tracing.catchUp();

		assertThat(new FirearmIndexHealthIndicator(updater, none).health(true).getStatus()).isEqualTo(Status.UP);
	}

}
