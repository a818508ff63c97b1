package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.identity.AccessLog;
import org.armstrace.identity.Role;
import org.armstrace.identity.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * A dealer's token reads and acts on its own stock only: another dealer's firearm is not
 * found (404, as one that does not exist), unchanged, and the attempt is in the access
 * log.
 */
@DatabaseTest
class DealerScopeTests {

	@Autowired
	TestUsers testUsers;

	@Autowired
	RegistryFixture fixture;

	@Autowired
	RegistryQueries queries;

	@Autowired
	AccessLog accessLog;

	@LocalServerPort
	int port;

	Api api;

	UUID shop;

	UUID otherShop;

	UUID ours;

	UUID theirs;

	Users.Account dealer;

	String token;

	@BeforeEach
	void twoDealersWithAFirearmEach() {
		api = new Api(port);
		shop = fixture.dealer();
		otherShop = fixture.dealer();
		ours = fixture.registeredPistolHeldBy(shop);
		theirs = fixture.registeredPistolHeldBy(otherShop);
		dealer = testUsers.dealerOf(shop);
		token = testUsers.tokenFor(dealer);
	}

	@Test
	void anotherDealersFirearmIsNotFoundAndTheRefusalIsLogged() {
		assertThat(api.get("/api/v1/firearms/" + ours, token).statusCode()).isEqualTo(200);

		HttpResponse<String> read = api.get("/api/v1/firearms/" + theirs, token);
		HttpResponse<String> transfer = api.post("/api/v1/firearms/" + theirs + "/transfers", token,
				"{\"toHolderId\":\"" + shop + "\"}");
		HttpResponse<String> theft = api.post("/api/v1/firearms/" + theirs + "/theft-reports", token, "{}");
		HttpResponse<String> missing = api.get("/api/v1/firearms/" + UUID.randomUUID(), token);

		assertThat(List.of(read.statusCode(), transfer.statusCode(), theft.statusCode())).containsOnly(404);
		assertThat(read.body()).doesNotContain("recordNumber");
		assertThat(Api.json(read).path("detail").asString().replace(theirs.toString(), "ID"))
			.as("the same answer as for a firearm that does not exist")
			.isEqualTo(Api.json(missing).path("detail").asString().replaceAll("[0-9a-f-]{36}", "ID"));
		RegistryQueries.FirearmView after = queries.firearm(theirs).orElseThrow();
		assertThat(after.status()).isEqualTo(FirearmStatus.ACTIVE);
		assertThat(after.holder().id()).isEqualTo(otherShop);
		List<AccessLog.Entry> refused = accessLog.search(dealer.username(), AccessLog.Action.REFUSED, 10);
		assertThat(refused).extracting(AccessLog.Entry::target).contains("firearm " + theirs);
		assertThat(refused).extracting(AccessLog.Entry::terms).contains("not in the dealer's stock");
	}

	@Test
	void aDealerActsOnItsOwnStockAndSeesItsRegister() {
		HttpResponse<String> sold = api.post("/api/v1/firearms/" + ours + "/transfers", token,
				"{\"toHolderId\":\"" + fixture.owner() + "\"}");
		assertThat(sold.statusCode()).as(sold.body()).isEqualTo(201);
		UUID next = fixture.registeredPistolHeldBy(shop);

		JsonNode stock = Api.json(api.get("/api/v1/dealer/stock", token));

		assertThat(stock.path("holderId").asString()).isEqualTo(shop.toString());
		assertThat(stock.path("firearms").valueStream().map(f -> f.path("id").asString()))
			.containsExactly(next.toString());
		assertThat(api.get("/api/v1/firearms/" + ours, token).statusCode()).as("sold: no longer its stock")
			.isEqualTo(404);
	}

	@Test
	void aDealerAccountBoundToNoHolderSeesNothingAndAnAdministratorBindsIt() {
		Users.Account unbound = testUsers.user(Role.DEALER);
		String unboundToken = testUsers.tokenFor(unbound);
		assertThat(api.get("/api/v1/firearms/" + ours, unboundToken).statusCode()).isEqualTo(404);

		String admin = testUsers.token(Role.ADMIN);
		HttpResponse<String> bound = api.post("/api/v1/holders/" + shop + "/dealer-accounts", admin,
				"{\"username\":\"" + unbound.username() + "\"}");
		assertThat(bound.statusCode()).as(bound.body()).isEqualTo(200);
		assertThat(api.get("/api/v1/firearms/" + ours, unboundToken).statusCode()).isEqualTo(200);

		HttpResponse<String> notADealer = api.post("/api/v1/holders/" + fixture.owner() + "/dealer-accounts", admin,
				"{\"username\":\"" + unbound.username() + "\"}");
		assertThat(notADealer.statusCode()).isEqualTo(400);
		assertThat(notADealer.body()).contains("holderId");
		assertThat(api
			.post("/api/v1/holders/" + shop + "/dealer-accounts", token,
					"{\"username\":\"" + unbound.username() + "\"}")
			.statusCode()).isEqualTo(403);
	}

}
