package org.armstrace.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.WebSession;
import org.armstrace.demo.DemoSeizures;
import org.armstrace.identity.AccessLog;
import org.armstrace.identity.Role;
import org.armstrace.seizure.ShipmentRecords.KeyKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

/**
 * Seized shipments linked into networks: the demo's planted networks are found whole and
 * apart, and a new seizure that shares a telephone number with an earlier one joins its
 * network and raises alerts.
 */
@DatabaseTest
@TestPropertySource(properties = "armstrace.test.context=shipment-networks")
@DirtiesContext
class ShipmentNetworkTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	DemoSeizures demo;

	@Autowired
	ShipmentNetworks networks;

	@Autowired
	AccessLog accessLog;

	@Test
	void everyNetworkTheDemoPlantedIsFoundWholeAndNoneMerged() {
		demo.generate(1_500, 16, "AUT");
		Set<Set<String>> planted = demo.plantedNetworks().stream().map(Set::copyOf).collect(Collectors.toSet());
		assertThat(planted).hasSizeGreaterThan(10);
		assertThat(planted).anyMatch(n -> n.size() >= 6);

		List<ShipmentNetworks.NetworkDetail> found = networks.networks()
			.stream()
			.map(n -> networks.network(n.id()).orElseThrow())
			// the seizures of the other test are not the demo's
			.filter(n -> n.members().stream().anyMatch(m -> m.reference().contains("-D")))
			.toList();
		Set<Set<String>> foundSets = found.stream()
			.map(n -> n.members().stream().map(ShipmentNetworks.Member::reference).collect(Collectors.toSet()))
			.collect(Collectors.toSet());
		assertThat(foundSets).isEqualTo(planted);
		// every kind of shared value the demo plants links some of them
		Set<KeyKind> kinds = new HashSet<>();
		found.forEach(n -> n.links().forEach(l -> kinds.addAll(l.kinds())));
		assertThat(kinds).contains(KeyKind.PARTY, KeyKind.ADDRESS, KeyKind.PHONE, KeyKind.PAYMENT_REFERENCE,
				KeyKind.TRACKING_NUMBER);
		// the largest first
		List<Integer> sizes = networks.networks().stream().map(ShipmentNetworks.Network::seizures).toList();
		assertThat(sizes).isSortedAccordingTo((a, b) -> b - a);

		HttpResponse<String> listed = new Api(port).get("/api/v1/analytics/shipment-networks?limit=1000",
				testUsers.token(Role.ANALYST));
		assertThat(listed.statusCode()).isEqualTo(200);
		assertThat(Api.json(listed).size()).isEqualTo(networks.networks().size());
	}

	@Test
	void aSeizureSharingATelephoneNumberJoinsTheNetworkOfTheFirstAndRaisesAlertsNamingPartiesOnlyWithAPurpose() {
		Api api = new Api(port);
		String customs = testUsers.token(Role.CUSTOMS);
		String first = seizure(api, customs, "pistol", "Synthetic Sender Alpha", "1 First Street", "+43 699 1234 5670");
		String second = seizure(api, customs, "toys", "Synthetic Sender Beta", "9 Other Road", "0699 12345670");
		String unrelated = seizure(api, customs, "pistol", "Synthetic Sender Gamma", "5 Third Lane",
				"+43 699 7654 3210");

		String analyst = testUsers.token(Role.ANALYST);
		JsonNode alerts = Api.json(api.get("/api/v1/analytics/shipment-alerts", analyst));
		List<String> joined = alerts.valueStream()
			.filter(a -> a.path("kind").asString().equals("JOINED_KNOWN_NETWORK"))
			.map(a -> a.path("reference").asString() + " joined " + a.path("networkReference").asString())
			.toList();
		assertThat(joined).contains(second + " joined " + first);
		assertThat(joined).noneMatch(a -> a.startsWith(unrelated) || a.startsWith(first));
		List<String> mismatched = alerts.valueStream()
			.filter(a -> a.path("kind").asString().equals("DECLARED_CONTENT_MISMATCH"))
			.map(a -> a.path("reference").asString())
			.toList();
		assertThat(mismatched).contains(second).doesNotContain(first, unrelated);

		String networkId = alerts.valueStream()
			.filter(a -> a.path("reference").asString().equals(second))
			.findFirst()
			.orElseThrow()
			.path("networkId")
			.asString();
		JsonNode anonymous = Api.json(api.get("/api/v1/analytics/shipment-networks/" + networkId, analyst));
		assertThat(anonymous.path("network").path("members").valueStream().map(m -> m.path("reference").asString()))
			.containsExactly(first, second);
		assertThat(anonymous.path("network").path("links").get(0).path("kinds").get(0).asString()).isEqualTo("PHONE");
		assertThat(anonymous.path("parties").isEmpty()).isTrue();
		assertThat(anonymous.toString()).doesNotContain("Synthetic Sender");

		JsonNode named = Api.json(api.getWithHeader("/api/v1/analytics/shipment-networks/" + networkId, analyst,
				AccessLog.PURPOSE_HEADER, "case 2026/16"));
		assertThat(named.path("parties").valueStream().map(p -> p.path("name").asString()))
			.containsExactlyInAnyOrder("Synthetic Sender Alpha", "Synthetic Sender Beta");
		assertThat(accessLog.search(null, AccessLog.Action.READ, 50))
			.anyMatch(e -> e.target().equals("shipment network " + first) && "case 2026/16".equals(e.purpose()));

		assertThat(
				api.get("/api/v1/analytics/shipment-networks/" + networkId, testUsers.token(Role.DEALER)).statusCode())
			.isEqualTo(403);
		WebSession page = WebSession.signIn(port, testUsers.user(Role.INVESTIGATOR).username());
		HttpResponse<String> list = page.get("/analytics/shipment-networks");
		assertThat(list.statusCode()).isEqualTo(200);
		assertThat(list.body()).contains(second, "/analytics/shipment-networks/" + networkId);
		HttpResponse<String> graph = page.get("/analytics/shipment-networks/" + networkId);
		assertThat(graph.statusCode()).isEqualTo(200);
		assertThat(graph.body()).contains("id=\"network-graph\"", "data-from=\"" + first + "\"", "same telephone")
			.doesNotContain("Synthetic Sender");
		assertThat(page.get("/analytics/shipment-networks/" + networkId + "?purpose=case+2026%2F16").body())
			.contains("Synthetic Sender Alpha", "Synthetic Sender Beta");

		HttpResponse<String> bad = api.get("/api/v1/analytics/shipment-networks?limit=0", analyst);
		assertThat(bad.statusCode()).isEqualTo(400);
		assertThat(bad.body()).contains("limit");
	}

	private static String seizure(Api api, String token, String declared, String sender, String address, String phone) {
		String body = """
				{"seizedOn": "%s", "country": "AUT", "placeKind": "POSTAL_OR_COURIER_FACILITY", "agency": "Customs",
				 "legalBasis": "TRAFFICKING", "criminalContext": "NONE_KNOWN",
				 "shipment": {"carrier": "ExpressCourier", "declaredContent": "%s",
				              "originCountry": "USA", "destinationCountry": "AUT",
				              "sender": {"name": "%s", "address": "%s", "phone": "%s"}},
				 "items": [{"kind": "FIREARM", "observed": {"serial": "NW*%s", "make": "Glock"},
				            "storageLocation": "Airport store"}]}
				""".formatted(LocalDate.now().minusDays(1), declared, sender, address, phone, phone.length());
		HttpResponse<String> created = api.post("/api/v1/seizures", token, body);
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		return Api.json(created).path("reference").asString();
	}

}
