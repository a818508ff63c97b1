package org.armstrace.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.WebSession;
import org.armstrace.demo.DemoCrossChecks;
import org.armstrace.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * The cross-checks find what the demo planted: the dealer whose pistols turn up within a
 * year of their sale, the buyer of three handguns in four days (not the one who bought
 * two ten days apart) and the licence whose holder's firearms were traced three times.
 * Planted as the product runs, with every acquisition checked against the buyer's
 * licence.
 */
@DatabaseTest
@TestPropertySource(properties = { "armstrace.licensing.check-acquisitions=true", "armstrace.test.context=licensing" })
class CrossCheckTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	DemoCrossChecks demo;

	@Autowired
	CrossChecks checks;

	@Test
	void eachCrossCheckFindsWhatTheDemoPlantedAndNothingUnderItsThreshold() {
		LocalDate today = LocalDate.now();
		DemoCrossChecks.Planted planted = demo.plant("AUT", today);

		assertThat(checks.dealers(today)).filteredOn(d -> d.dealerId().equals(planted.dealerId()))
			.singleElement()
			.satisfies(d -> assertThat(d.shortTraces()).isEqualTo(planted.dealerShortTraces()));
		assertThat(checks.multipleSales(today)).filteredOn(m -> m.holderId().equals(planted.multipleBuyerId()))
			.singleElement()
			.satisfies(m -> {
				assertThat(m.handguns()).isEqualTo(planted.handgunsBought());
				assertThat(m.lastOn()).isEqualTo(m.firstOn().plusDays(3));
			});
		assertThat(checks.multipleSales(today)).noneMatch(m -> m.holderId().equals(planted.spacedBuyerId()));
		assertThat(checks.licences(today)).filteredOn(l -> l.licenceId().equals(planted.licenceId()))
			.singleElement()
			.satisfies(l -> {
				assertThat(l.traces()).isEqualTo(planted.licenceTraces());
				assertThat(l.firearms()).isEqualTo(2);
				assertThat(l.holderId()).isEqualTo(planted.licenceHolderId());
			});

		Api api = new Api(port);
		String analyst = testUsers.token(Role.ANALYST);
		HttpResponse<String> csv = api.get("/api/v1/analytics/cross-checks/multiple-sales.csv", analyst);
		assertThat(csv.statusCode()).isEqualTo(200);
		assertThat(csv.body()).startsWith("holder_id,holder_role,handguns")
			.contains(planted.multipleBuyerId() + ",PRIVATE_OWNER," + planted.handgunsBought())
			.doesNotContain(planted.spacedBuyerId().toString());
		assertThat(Api.json(api.get("/api/v1/analytics/cross-checks/dealers", analyst)).toString())
			.contains(planted.dealerId().toString());
		assertThat(api.get("/api/v1/analytics/cross-checks/licences", testUsers.token(Role.DEALER)).statusCode())
			.isEqualTo(403);
		assertThat(api.get("/api/v1/analytics/cross-checks/unknown.csv", analyst).statusCode()).isEqualTo(404);

		HttpResponse<String> page = WebSession.signIn(port, testUsers.user(Role.LICENSING).username())
			.get("/analytics/cross-checks");
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.body()).contains(planted.dealerId().toString(), planted.multipleBuyerId().toString(),
				planted.licenceHolderId().toString());
	}

}
