package org.armstrace.seizure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.armstrace.seizure.SeizureTests.ACTOR;
import static org.armstrace.seizure.SeizureTests.firearm;
import static org.armstrace.seizure.SeizureTests.ok;
import static org.armstrace.seizure.SeizureTests.seizure;
import static org.armstrace.seizure.SeizureTests.steps;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.TestWords;
import org.armstrace.identity.Role;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmStatus;
import org.armstrace.registry.FirearmType;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.tracing.ObservedMarkings;
import org.armstrace.tracing.Tracing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * After a restart or a big import the candidate index catches up in the background: while
 * it does, searches say so, the node is not ready, and the recovery protocol waits rather
 * than conclude that no record fits. The index is caught up by hand here, as the server's
 * background job would.
 */
@DatabaseTest
@TestPropertySource(properties = { "armstrace.tracing.index-updates=false", "armstrace.tracing.index-ready-within=2",
		"armstrace.seizure.index-wait-poll=1h" })
class IndexCatchUpTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	FirearmCommands firearms;

	@Autowired
	RegistryQueries registry;

	@Autowired
	Tracing tracing;

	@Autowired
	Seizures seizures;

	@Autowired
	SeizureQueries queries;

	@Test
	void whileTheIndexCatchesUpSearchesSaySoReadinessIsOutOfServiceAndASeizureWaitsForItsRegistryMatch() {
		Api api = new Api(port);
		String token = testUsers.token(Role.INVESTIGATOR);
		tracing.catchUp();
		assertThat(status(api.get("/actuator/health/readiness"))).isEqualTo("UP");

		String serial = "ICU" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		UUID pistol = ok(firearms.register(new FirearmCommands.RegisterFirearm(FirearmType.PISTOL, null, "Glock", "19",
				"9x19mm", serial, "AUT", 2019, List.of(), null, null, false, LocalDate.of(2019, 5, 1)), ACTOR, null));
		for (int i = 0; i < 3; i++) {
			ok(firearms.register(new FirearmCommands.RegisterFirearm(FirearmType.RIFLE, null, "Steyr", "AUG",
					"5.56x45mm", serial + "R" + i, "AUT", 2019, List.of(), null, null, false, null), ACTOR, null));
		}

		// searched before the index has applied the registrations
		HttpResponse<String> search = api.post("/api/v1/trace/search", token,
				"{\"serial\": \"" + serial + "\", \"make\": \"Glock\"}");
		JsonNode answer = Api.json(search);
		assertThat(search.statusCode()).isEqualTo(200);
		assertThat(answer.path("indexBehind").asLong()).isGreaterThanOrEqualTo(4);
		assertThat(answer.path("indexNotice").asString()).contains("had not yet applied the last")
			.contains("Search again before concluding that the item is not registered");
		assertThat(answer.path("candidates").valueStream().map(c -> c.path("firearmId").asString()))
			.doesNotContain(pistol.toString());
		HttpResponse<String> readiness = api.get("/actuator/health/readiness");
		assertThat(readiness.statusCode()).isEqualTo(503);
		assertThat(status(readiness)).isEqualTo("OUT_OF_SERVICE");
		assertThat(status(api.get("/actuator/health/liveness"))).isEqualTo("UP");

		// a seizure of that pistol recorded now: the registry match waits
		UUID seizureId = ok(seizures.record(seizure(firearm(ObservedMarkings.ofSerial(serial, "Glock"), null)), ACTOR));
		SeizureQueries.ItemView waiting = queries.seizure(seizureId).orElseThrow().items().getFirst();
		SeizureQueries.Step match = steps(waiting).get(ProtocolStep.NATIONAL_REGISTRY_MATCH);
		assertThat(match.state()).isEqualTo(StepState.PENDING);
		assertThat(match.outcome()).isEqualTo(StepOutcome.WAITING_FOR_INDEX);
		assertThat(TestWords.english(match)).startsWith("registry match waits for the candidate index");
		assertThat(waiting.firearmId()).isNull();
		assertThat(seizures.completeRegistryMatchesWaitingForIndex()).as("nothing completes while behind").isZero();

		tracing.catchUp();

		assertThat(status(api.get("/actuator/health/readiness"))).isEqualTo("UP");
		JsonNode caughtUp = Api
			.json(api.post("/api/v1/trace/search", token, "{\"serial\": \"" + serial + "\", \"make\": \"Glock\"}"));
		assertThat(caughtUp.path("indexBehind").asLong()).isZero();
		assertThat(caughtUp.path("indexNotice").isNull() || caughtUp.path("indexNotice").isMissingNode()).isTrue();
		assertThat(caughtUp.path("candidates").get(0).path("firearmId").asString()).isEqualTo(pistol.toString());

		assertThat(seizures.completeRegistryMatchesWaitingForIndex()).isEqualTo(1);
		SeizureQueries.ItemView matched = queries.seizure(seizureId).orElseThrow().items().getFirst();
		assertThat(steps(matched).get(ProtocolStep.NATIONAL_REGISTRY_MATCH).state()).isEqualTo(StepState.DONE);
		assertThat(steps(matched).get(ProtocolStep.NATIONAL_REGISTRY_MATCH).outcome()).isEqualTo(StepOutcome.MATCHED);
		assertThat(steps(matched).get(ProtocolStep.LOST_OR_STOLEN_STATUS).state()).isEqualTo(StepState.DONE);
		assertThat(matched.firearmId()).isEqualTo(pistol);
		assertThat(registry.firearmSummary(pistol).orElseThrow().status()).isEqualTo(FirearmStatus.SEIZED);
		assertThat(seizures.completeRegistryMatchesWaitingForIndex()).as("done once").isZero();
	}

	private static String status(HttpResponse<String> health) {
		return Api.json(health).path("status").asString();
	}

}
