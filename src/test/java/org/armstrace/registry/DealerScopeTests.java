package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
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

	@Autowired
	PartCommands parts;

	@Autowired
	AmmunitionCommands ammunition;

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

	@Test
	void aDealerRecordsAnAcquisitionByRecordNumberAndSerialAndItsRegisterListsBothSides() {
		UUID owner = fixture.owner();
		String serial = RegistryFixture.nextSerial();
		UUID bought = RegistryFixture.accepted(fixture.firearms
			.register(RegistryFixture.pistol("Synthetic Arms", serial, owner), RegistryFixture.ACTOR, null));
		String recordNumber = queries.recordNumber(bought).orElseThrow();

		HttpResponse<String> wrongSerial = api.post("/api/v1/dealer/acquisitions", token,
				"{\"recordNumber\":\"" + recordNumber + "\",\"serial\":\"" + serial + "9\"}");
		assertThat(wrongSerial.statusCode()).as("a record number alone does not reveal a firearm").isEqualTo(404);
		assertThat(queries.firearm(bought).orElseThrow().holder().id()).isEqualTo(owner);
		assertThat(accessLog.search(dealer.username(), AccessLog.Action.REFUSED, 10))
			.extracting(AccessLog.Entry::target)
			.contains("firearm " + recordNumber);

		// the serial as read off the firearm, in lower case and with a separator
		String asRead = serial.toLowerCase().substring(0, 3) + "-" + serial.substring(3);
		HttpResponse<String> acquired = api.post("/api/v1/dealer/acquisitions", token, "{\"recordNumber\":\""
				+ recordNumber + "\",\"serial\":\"" + asRead + "\",\"occurredOn\":\"" + LocalDate.now() + "\"}");
		assertThat(acquired.statusCode()).as(acquired.body()).isEqualTo(201);
		assertThat(queries.firearm(bought).orElseThrow().holder().id()).isEqualTo(shop);
		HttpResponse<String> sold = api.post("/api/v1/firearms/" + ours + "/transfers", token,
				"{\"toHolderId\":\"" + owner + "\"}");
		assertThat(sold.statusCode()).as(sold.body()).isEqualTo(201);

		JsonNode register = Api.json(api.get("/api/v1/dealer/register", token));
		List<JsonNode> lines = register.path("lines").valueStream().toList();
		assertThat(lines).extracting(l -> l.path("movement").asString() + " " + l.path("itemId").asString())
			.containsExactly("MADE " + ours, "ACQUIRED " + bought, "DISPOSED " + ours);
		JsonNode acquisition = lines.get(1);
		assertThat(acquisition.path("item").asString()).isEqualTo(recordNumber);
		assertThat(acquisition.path("serial").asString()).isEqualTo(serial);
		assertThat(acquisition.path("counterpartyId").asString()).isEqualTo(owner.toString());
		assertThat(acquisition.path("counterpartyRole").asString()).isEqualTo("PRIVATE_OWNER");
		assertThat(acquisition.has("counterpartyName")).as("a name only with a stated purpose").isFalse();

		JsonNode named = Api
			.json(api.getWithHeader("/api/v1/dealer/register", token, AccessLog.PURPOSE_HEADER, "inspection 2026/114"));
		assertThat(named.path("lines").get(1).path("counterpartyName").asString())
			.startsWith("Synthetic PRIVATE_OWNER");
		assertThat(accessLog.search(dealer.username(), AccessLog.Action.READ, 10)).extracting(AccessLog.Entry::purpose)
			.contains("inspection 2026/114");
		String csv = api.get("/api/v1/dealer/register.csv", token).body();
		assertThat(csv.lines()).hasSize(4).first().asString().startsWith("seq,occurred_on,movement");
		assertThat(csv).contains("ACQUIRED,FIREARM," + bought + "," + recordNumber);

		HttpResponse<String> backwards = api.get("/api/v1/dealer/register?from=2026-02-01&to=2026-01-01", token);
		assertThat(backwards.statusCode()).isEqualTo(400);
		assertThat(backwards.body()).contains("to");
	}

	@Test
	void partsAndAmmunitionOutsideTheDealersStockAreNotFound() {
		UUID ourPart = RegistryFixture.accepted(
				parts.register(
						new PartCommands.RegisterPart(PartKind.BARREL, "Synthetic Arms", "9x19mm",
								RegistryFixture.nextSerial(), "AUT", List.of(), shop, null),
						RegistryFixture.ACTOR, null));
		UUID theirPart = RegistryFixture
			.accepted(parts.register(
					new PartCommands.RegisterPart(PartKind.BARREL, "Synthetic Arms", "9x19mm",
							RegistryFixture.nextSerial(), "AUT", List.of(), otherShop, null),
					RegistryFixture.ACTOR, null));
		UUID ourLot = RegistryFixture.accepted(ammunition.produce(
				new AmmunitionCommands.ProduceAmmunition("Synthetic Cartridges", "9x19mm",
						"L-" + RegistryFixture.nextSerial(), null, 2025, shop, 1_000, null),
				RegistryFixture.ACTOR, null));
		UUID theirLot = RegistryFixture.accepted(ammunition.produce(
				new AmmunitionCommands.ProduceAmmunition("Synthetic Cartridges", "9x19mm",
						"L-" + RegistryFixture.nextSerial(), null, 2025, otherShop, 500, null),
				RegistryFixture.ACTOR, null));
		UUID owner = fixture.owner();
		RegistryFixture.accepted(ammunition.transfer(ourLot,
				new AmmunitionCommands.TransferAmmunition(shop, otherShop, 100, null), RegistryFixture.ACTOR, null));

		assertThat(api.get("/api/v1/parts/" + ourPart, token).statusCode()).isEqualTo(200);
		assertThat(api.get("/api/v1/parts/" + theirPart, token).statusCode()).isEqualTo(404);
		JsonNode lot = Api.json(api.get("/api/v1/ammunition-lots/" + ourLot, token));
		assertThat(lot.path("holdings").valueStream().map(h -> h.path("holderId").asString()))
			.as("its own holding, not who else holds rounds of the lot")
			.containsExactly(shop.toString());
		assertThat(api.get("/api/v1/ammunition-lots/" + theirLot, token).statusCode()).isEqualTo(404);
		HttpResponse<String> fromTheirs = api.post("/api/v1/ammunition-lots/" + theirLot + "/transfers", token,
				"{\"fromHolderId\":\"" + otherShop + "\",\"toHolderId\":\"" + owner + "\",\"quantity\":50}");
		HttpResponse<String> inTheirName = api.post("/api/v1/ammunition-lots/" + ourLot + "/transfers", token,
				"{\"fromHolderId\":\"" + otherShop + "\",\"toHolderId\":\"" + owner + "\",\"quantity\":50}");
		assertThat(List.of(fromTheirs.statusCode(), inTheirName.statusCode())).containsOnly(404);
		assertThat(queries.ammunitionLot(theirLot).orElseThrow().holdings()).extracting(h -> h.quantity())
			.containsExactly(500L);
		assertThat(accessLog.search(dealer.username(), AccessLog.Action.REFUSED, 10))
			.extracting(AccessLog.Entry::target)
			.contains("part " + theirPart, "ammunition lot " + theirLot, "ammunition lot " + ourLot);

		HttpResponse<String> sold = api.post("/api/v1/ammunition-lots/" + ourLot + "/transfers", token,
				"{\"fromHolderId\":\"" + shop + "\",\"toHolderId\":\"" + owner + "\",\"quantity\":50}");
		assertThat(sold.statusCode()).as(sold.body()).isEqualTo(201);
		JsonNode stock = Api.json(api.get("/api/v1/dealer/stock", token));
		assertThat(stock.path("parts").valueStream().map(p -> p.path("id").asString()))
			.containsExactly(ourPart.toString());
		assertThat(stock.path("ammunition").valueStream().map(l -> l.path("holdings").get(0).path("quantity").asLong()))
			.containsExactly(850L);
		List<String> register = Api.json(api.get("/api/v1/dealer/register", token))
			.path("lines")
			.valueStream()
			.map(l -> l.path("movement").asString() + " " + l.path("itemKind").asString() + " "
					+ l.path("quantity").asLong())
			.toList();
		assertThat(register).containsExactly("MADE FIREARM 1", "MADE PART 1", "MADE AMMUNITION 1000",
				"DISPOSED AMMUNITION 100", "DISPOSED AMMUNITION 50");
	}

	@Test
	void anOfficerReadsAnyHoldersRegister() {
		String registrar = testUsers.token(Role.REGISTRAR);
		JsonNode register = Api.json(api.get("/api/v1/holders/" + otherShop + "/register", registrar));
		assertThat(register.path("lines").valueStream().map(l -> l.path("itemId").asString()))
			.containsExactly(theirs.toString());
		assertThat(api.get("/api/v1/holders/" + otherShop + "/register", token).statusCode()).isEqualTo(403);
		assertThat(api.get("/api/v1/holders/" + UUID.randomUUID() + "/register", registrar).statusCode())
			.isEqualTo(404);
	}

}
