package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.WebSession;
import org.armstrace.identity.AccessLog;
import org.armstrace.identity.Role;
import org.armstrace.identity.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * A holder's name, address and licence only with a stated purpose, written to the access
 * log; without one, a record names its holder by role and record id, in the API, on the
 * page and in every write answer; refusals name no other holder.
 */
@DatabaseTest
class PersonalDataTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	RegistryFixture fixture;

	@Autowired
	RegistryQueries queries;

	@Autowired
	AmmunitionCommands ammunition;

	@Autowired
	AccessLog accessLog;

	@Test
	void aRecordReadWithoutAPurposeNamesItsHolderByRoleAndIdOnly() {
		UUID owner = fixture.owner();
		UUID id = fixture.registeredPistolHeldBy(owner);
		RegistryQueries.HolderView identity = queries.holder(owner).orElseThrow();
		Users.Account reader = testUsers.user(Role.CUSTOMS);

		HttpResponse<String> read = new Api(port).get("/api/v1/firearms/" + id, testUsers.tokenFor(reader));

		assertThat(read.statusCode()).isEqualTo(200);
		JsonNode holder = Api.json(read).path("holder");
		assertThat(holder.path("id").asString()).isEqualTo(owner.toString());
		assertThat(holder.path("role").asString()).isEqualTo("PRIVATE_OWNER");
		assertThat(holder.propertyNames()).containsExactlyInAnyOrder("id", "role");
		assertThat(read.body()).doesNotContain(identity.name())
			.doesNotContain(identity.licenceReference())
			.doesNotContain("1 Example Street");
		AccessLog.Entry logged = accessLog.search(reader.username(), AccessLog.Action.READ, 1).getFirst();
		assertThat(logged.purpose()).isNull();
		assertThat(logged.terms()).isNull();
	}

	@Test
	void aRecordReadWithAPurposeShowsTheHoldersNameAddressAndLicenceAndLogsIt() {
		UUID owner = fixture.owner();
		UUID id = fixture.registeredPistolHeldBy(owner);
		RegistryQueries.HolderView identity = queries.holder(owner).orElseThrow();
		Users.Account reader = testUsers.user(Role.INVESTIGATOR);

		HttpResponse<String> read = new Api(port).getWithHeader("/api/v1/firearms/" + id, testUsers.tokenFor(reader),
				AccessLog.PURPOSE_HEADER, "%D0%B4%D0%B5%D0%BB%D0%BE%20123");

		JsonNode holder = Api.json(read).path("holder");
		assertThat(holder.path("name").asString()).isEqualTo(identity.name());
		assertThat(holder.path("address").asString()).isEqualTo("1 Example Street");
		assertThat(holder.path("licenceReference").asString()).isEqualTo(identity.licenceReference());
		AccessLog.Entry logged = accessLog.search(reader.username(), AccessLog.Action.READ, 1).getFirst();
		assertThat(logged.purpose()).isEqualTo("дело 123");
		assertThat(logged.terms()).isEqualTo("holder shown: " + owner);
	}

	@Test
	void theRecordPageShowsTheHolderOnlyWithAPurposeAndLogsIt() {
		UUID owner = fixture.owner();
		UUID id = fixture.registeredPistolHeldBy(owner);
		String name = queries.holder(owner).orElseThrow().name();
		Users.Account registrar = testUsers.user(Role.REGISTRAR);
		WebSession web = WebSession.signIn(port, registrar.username());

		String page = web.get("/firearms/" + id).body();
		assertThat(page).doesNotContain(name).contains(owner.toString()).contains("id=\"show-holder\"");
		assertThat(accessLog.search(registrar.username(), AccessLog.Action.READ, 1).getFirst().purpose()).isNull();

		String shown = web.get("/firearms/" + id + "?purpose=inspection+2026%2F8").body();
		assertThat(shown).contains(name).contains("1 Example Street").doesNotContain("id=\"show-holder\"");
		AccessLog.Entry logged = accessLog.search(registrar.username(), AccessLog.Action.READ, 1).getFirst();
		assertThat(logged.purpose()).isEqualTo("inspection 2026/8");
		assertThat(logged.terms()).isEqualTo("holder shown: " + owner);
	}

	@Test
	void writeAnswersNameNoHolderAndADealerGetsTheFirearmsSummaryOnly() {
		Api api = new Api(port);
		UUID owner = fixture.dealer();
		String name = queries.holder(owner).orElseThrow().name();
		UUID id = fixture.registeredPistolHeldBy(owner);

		HttpResponse<String> lost = api.post("/api/v1/firearms/" + id + "/lost-reports",
				testUsers.tokenFor(testUsers.dealerOf(owner)), "{\"reportReference\": \"DLR-1\"}");
		assertThat(lost.statusCode()).as(lost.body()).isEqualTo(201);
		JsonNode summary = Api.json(lost);
		assertThat(summary.path("status").asString()).isEqualTo("LOST");
		assertThat(summary.path("recordNumber").asString()).startsWith("FA");
		assertThat(summary.has("holder")).isFalse();
		assertThat(summary.has("timeline")).isFalse();
		assertThat(lost.body()).doesNotContain(name).doesNotContain(owner.toString());

		UUID other = fixture.registeredPistolHeldBy(owner);
		HttpResponse<String> transferred = api.post("/api/v1/firearms/" + other + "/transfers",
				testUsers.token(Role.REGISTRAR), "{\"toHolderId\": \"" + fixture.dealer() + "\"}");
		assertThat(transferred.statusCode()).isEqualTo(201);
		assertThat(Api.json(transferred).path("holder").propertyNames()).containsExactlyInAnyOrder("id", "role");
		assertThat(transferred.body()).doesNotContain("Synthetic DEALER");
	}

	@Test
	void refusalsNameNeitherWhoHoldsAFirearmNorWhatAnotherHolderHolds() {
		Api api = new Api(port);
		UUID owner = fixture.dealer();
		String dealerToken = testUsers.tokenFor(testUsers.dealerOf(owner));
		UUID id = fixture.registeredPistolHeldBy(owner);

		HttpResponse<String> sameHolder = api.post("/api/v1/firearms/" + id + "/transfers", dealerToken,
				"{\"toHolderId\": \"" + owner + "\"}");
		assertThat(sameHolder.statusCode()).isEqualTo(422);
		JsonNode violation = Api.json(sameHolder).path("violations").get(0);
		assertThat(violation.path("rule").asString()).isEqualTo("TransferChangesHolder");
		assertThat(violation.path("values").size()).isZero();
		assertThat(violation.path("message").asString()).isEqualTo("the firearm is already held by that holder");

		UUID dealer = fixture.dealer();
		// the dealer's own rounds: how many it holds is not repeated in the refusal
		UUID lot = RegistryFixture
			.accepted(ammunition.produce(new AmmunitionCommands.ProduceAmmunition("Synthetic Ammo", "9x19mm", "LOT-P",
					"SA", 2024, owner, 7_321, null), RegistryFixture.ACTOR, null));
		HttpResponse<String> tooMany = api.post("/api/v1/ammunition-lots/" + lot + "/transfers", dealerToken,
				"{\"fromHolderId\": \"" + owner + "\", \"toHolderId\": \"" + dealer + "\", \"quantity\": 9000}");
		assertThat(tooMany.statusCode()).isEqualTo(422);
		assertThat(tooMany.body()).doesNotContain("7321");
		assertThat(Api.json(tooMany).path("violations").get(0).path("values").valueStream().map(JsonNode::asString))
			.containsExactly("9000");

		UUID bystander = fixture.dealer();
		RegistryFixture.accepted(ammunition.transfer(lot,
				new AmmunitionCommands.TransferAmmunition(owner, bystander, 21, null), RegistryFixture.ACTOR, null));
		HttpResponse<String> passed = api.post("/api/v1/ammunition-lots/" + lot + "/transfers", dealerToken,
				"{\"fromHolderId\": \"" + owner + "\", \"toHolderId\": \"" + dealer + "\", \"quantity\": 300}");
		assertThat(passed.statusCode()).isEqualTo(201);
		List<String> holders = Api.json(passed)
			.path("holdings")
			.valueStream()
			.map(h -> h.path("holderId").asString())
			.toList();
		// the holders the dealer named, not the bystander who also holds rounds of the
		// lot
		assertThat(holders).containsExactlyInAnyOrder(owner.toString(), dealer.toString());
	}

}
