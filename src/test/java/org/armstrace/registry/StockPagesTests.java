package org.armstrace.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.WebSession;
import org.armstrace.identity.AccessLog;
import org.armstrace.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The officer's forms for parts and ammunition, a dealer's stock and register page with
 * its acquisition form, and a holder's page: what they record lands on the record, a
 * refusal is named on the form, and names appear only where a purpose was stated.
 */
@DatabaseTest
class StockPagesTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	RegistryFixture fixture;

	@Autowired
	RegistryQueries queries;

	@Autowired
	AccessLog accessLog;

	@Test
	void aRegistrarRegistersAPartFitsItAndRemovesIt() {
		UUID maker = fixture.holder(HolderRole.MANUFACTURER, "AUT");
		UUID pistol = fixture.registeredPistolHeldBy(maker);
		WebSession registrar = WebSession.signIn(port, testUsers.user(Role.REGISTRAR).username());
		String serial = RegistryFixture.nextSerial();

		HttpResponse<String> refused = registrar.post("/parts/new", "/parts/new",
				Map.of("kind", "BARREL", "make", "Synthetic Arms", "serial", serial, "countryOfManufacture", "AUT",
						"holderId", maker.toString(), "occurredOn", "2999-01-01"));
		assertThat(refused.statusCode()).isEqualTo(200);
		assertThat(refused.body()).contains("id=\"refusals\"").contains("occurredOn");

		HttpResponse<String> registered = registrar.post("/parts/new", "/parts/new",
				Map.of("kind", "BARREL", "make", "Synthetic Arms", "calibre", "9x19mm", "serial", serial,
						"countryOfManufacture", "AUT", "holderId", maker.toString()));
		assertThat(registered.statusCode()).as(registered.body()).isEqualTo(302);
		String page = WebSession.location(registered);
		UUID part = UUID.fromString(page.substring("/parts/".length()));
		assertThat(registrar.get(page).body()).contains(serial).contains("id=\"fit-form\"");

		HttpResponse<String> fitted = registrar.post(page, page + "/fitting", Map.of("firearmId", pistol.toString()));
		assertThat(fitted.body()).contains("id=\"recorded\"").contains(queries.recordNumber(pistol).orElseThrow());
		assertThat(queries.part(part).orElseThrow().fittedTo()).isEqualTo(pistol);

		HttpResponse<String> removed = registrar.post(page, page + "/removal", Map.of());
		assertThat(removed.body()).contains("id=\"recorded\"").contains("id=\"fit-form\"");
		assertThat(queries.part(part).orElseThrow().fittedTo()).isNull();
	}

	@Test
	void aRegistrarRegistersALotAndADealerSellsRoundsFromItsOwnStockOnly() {
		UUID shop = fixture.dealer();
		UUID owner = fixture.owner();
		WebSession registrar = WebSession.signIn(port, testUsers.user(Role.REGISTRAR).username());
		HttpResponse<String> notANumber = registrar.post("/ammunition-lots/new", "/ammunition-lots/new",
				Map.of("manufacturer", "Synthetic Cartridges", "calibre", "9x19mm", "lotNumber", "L-1", "quantity",
						"many", "holderId", shop.toString()));
		assertThat(notANumber.body()).contains("id=\"refusals\"").contains("quantity");
		HttpResponse<String> produced = registrar.post("/ammunition-lots/new", "/ammunition-lots/new",
				Map.of("manufacturer", "Synthetic Cartridges", "calibre", "9x19mm", "lotNumber",
						"L-" + RegistryFixture.nextSerial(), "year", "2025", "quantity", "500", "holderId",
						shop.toString()));
		assertThat(produced.statusCode()).as(produced.body()).isEqualTo(302);
		String page = WebSession.location(produced);
		UUID lot = UUID.fromString(page.substring("/ammunition-lots/".length()));

		WebSession dealer = WebSession.signIn(port, testUsers.dealerOf(shop).username());
		HttpResponse<String> tooMany = dealer.post(page, page + "/transfer",
				Map.of("toHolderId", owner.toString(), "quantity", "600"));
		assertThat(tooMany.body()).contains("id=\"refusals\"");
		HttpResponse<String> sold = dealer.post(page, page + "/transfer",
				Map.of("toHolderId", owner.toString(), "quantity", "120"));
		assertThat(sold.body()).contains("id=\"recorded\"").doesNotContain("id=\"consume-form\"");
		assertThat(queries.ammunitionLot(lot).orElseThrow().holdings())
			.extracting(h -> h.holderId() + ":" + h.quantity())
			.containsExactlyInAnyOrder(shop + ":380", owner + ":120");

		WebSession otherDealer = WebSession.signIn(port, testUsers.dealerOf(fixture.dealer()).username());
		assertThat(otherDealer.get(page).statusCode()).isEqualTo(404);
		assertThat(otherDealer.post("/", page + "/transfer", Map.of("toHolderId", owner.toString(), "quantity", "1"))
			.statusCode()).isEqualTo(404);

		HttpResponse<String> stock = dealer.get("/dealer");
		assertThat(stock.body()).contains("id=\"stock-ammunition\"").contains("380").contains("disposed of");
	}

	@Test
	void aDealerRecordsAnAcquisitionOnItsPageAndSeesItInItsRegister() {
		UUID shop = fixture.dealer();
		UUID owner = fixture.owner();
		String serial = RegistryFixture.nextSerial();
		UUID bought = RegistryFixture.accepted(fixture.firearms
			.register(RegistryFixture.pistol("Synthetic Arms", serial, owner), RegistryFixture.ACTOR, null));
		String recordNumber = queries.recordNumber(bought).orElseThrow();
		WebSession dealer = WebSession.signIn(port, testUsers.dealerOf(shop).username());

		HttpResponse<String> wrong = dealer.post("/dealer/acquisition", "/dealer/acquisition",
				Map.of("recordNumber", recordNumber, "serial", "NOT" + serial));
		assertThat(wrong.statusCode()).isEqualTo(200);
		assertThat(wrong.body()).contains("id=\"refusals\"").contains("href=\"#recordNumber\"");
		HttpResponse<String> acquired = dealer.post("/dealer/acquisition", "/dealer/acquisition",
				Map.of("recordNumber", recordNumber, "serial", serial));
		assertThat(WebSession.location(acquired)).isEqualTo("/firearms/" + bought);

		String page = dealer.get("/dealer").body();
		assertThat(page).contains(recordNumber).contains("acquired").contains("private owner");
		String owners = queries.holder(owner).orElseThrow().name();
		assertThat(page).doesNotContain(owners);
		assertThat(dealer.get("/dealer?purpose=inspection+7").body()).contains(owners);
		assertThat(dealer.get("/dealer/register.csv").body()).contains("ACQUIRED,FIREARM," + bought);
		assertThat(dealer.get("/dealer?from=2026-02-01&to=2026-01-01").body()).contains("id=\"refusals\"");
	}

	@Test
	void aHoldersPageShowsLicencesFirearmsAndRegisterAndNamesOnlyWithAPurpose() {
		UUID shop = fixture.dealer();
		UUID pistol = fixture.registeredPistolHeldBy(shop);
		String name = queries.holder(shop).orElseThrow().name();
		String officer = testUsers.user(Role.LICENSING).username();
		WebSession licensing = WebSession.signIn(port, officer);

		String page = licensing.get("/holders/" + shop).body();
		assertThat(page).contains(queries.recordNumber(pistol).orElseThrow())
			.contains("id=\"holder-purpose-form\"")
			.contains("id=\"apply-licence\"")
			.doesNotContain(name);
		String named = licensing.get("/holders/" + shop + "?purpose=licence+review+12").body();
		assertThat(named).contains(name).doesNotContain("id=\"holder-purpose-form\"");
		List<AccessLog.Entry> reads = accessLog.search(officer, AccessLog.Action.READ, 5);
		assertThat(reads).extracting(AccessLog.Entry::purpose).contains("licence review 12");
		assertThat(licensing.get("/holders/" + UUID.randomUUID()).statusCode()).isEqualTo(404);
	}

}
