package org.armstrace.transfers;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.command.CommandResult;
import org.armstrace.identity.Role;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmStatus;
import org.armstrace.registry.FirearmType;
import org.armstrace.registry.HolderCommands;
import org.armstrace.registry.HolderRole;
import org.armstrace.registry.RegistryQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * International transfers over the API: an export is granted only in the order of
 * consent, each missing step named; a consignment cannot ship more than is authorised and
 * exports its firearms on the registry; a short receipt, an overdue one and an import
 * quoting an export never notified are diversion alerts.
 */
@DatabaseTest
class TransfersTests {

	private static final String ACTOR = "user:transfers-test";

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	HolderCommands holders;

	@Autowired
	FirearmCommands firearms;

	@Autowired
	RegistryQueries registry;

	Api api;

	String token;

	UUID exporter;

	@BeforeEach
	void anExporter() {
		api = new Api(port);
		token = testUsers.token(Role.LICENSING);
		exporter = ((CommandResult.Accepted) holders.register(
				new HolderCommands.RegisterHolder(HolderRole.MANUFACTURER, "Synthetic Arms Works", null, "AUT", null),
				ACTOR, null))
			.subjectId();
	}

	@Test
	void theOrderOfConsentRefusesEachMissingStepAndThenGrants() {
		String id = apply("EXPORT", "[\"HUN\", \"Slovenia\"]",
				"{\"kind\":\"AMMUNITION\",\"calibre\":\"9x19mm\"," + "\"quantity\":5000}", null);

		assertThat(grantRefusals(id)).containsExactlyInAnyOrder("importAuthorisation:ImportAuthorisationIsRecorded",
				"transitNotices:TransitNoticeIsRecorded", "transitNotices:TransitNoticeIsRecorded",
				"endUserCertificate:EndUserCertificateIsVerified", "riskAssessment:RiskIsAssessed");

		created(post(id, "/import-authorisation",
				"{\"reference\":\"SRB-IMP-2026-77\",\"issuedOn\":\"2026-01-10\",\"verifiedHow\":\"confirmed by the "
						+ "Serbian Ministry of Interior, note 14/2026\"}"));
		created(post(id, "/transit-notices", "{\"country\":\"Hungary\",\"noticeReference\":\"HU-NO-3\"}"));
		HttpResponse<String> offRoute = post(id, "/transit-notices", "{\"country\":\"ITA\",\"noticeReference\":\"X\"}");
		assertThat(offRoute.statusCode()).isEqualTo(422);
		assertThat(offRoute.body()).contains("TransitCountryIsOnTheRoute");
		assertThat(grantRefusals(id)).containsExactlyInAnyOrder("transitNotices:TransitNoticeIsRecorded",
				"endUserCertificate:EndUserCertificateIsVerified", "riskAssessment:RiskIsAssessed");

		created(post(id, "/transit-notices", "{\"country\":\"SVN\",\"noticeReference\":\"SI-NO-9\"}"));
		assertThat(post(id, "/end-user-certificate/verification", "{\"verifiedWith\":\"MoD\"}").body())
			.contains("EndUserCertificateIsRecorded");
		created(post(id, "/end-user-certificate", "{\"certificateReference\":\"EUC-2026-5\",\"endUser\":\"Serbian "
				+ "Police Directorate\",\"endUse\":\"service ammunition\",\"reExportClause\":\"no re-export without "
				+ "the exporter's consent\",\"signatory\":\"Head of Logistics\"}"));
		assertThat(grantRefusals(id)).containsExactlyInAnyOrder("endUserCertificate:EndUserCertificateIsVerified",
				"riskAssessment:RiskIsAssessed");

		created(post(id, "/end-user-certificate/verification", "{\"verifiedWith\":\"Serbian Ministry of Defence\"}"));
		created(post(id, "/risk-assessment", "{\"overriding\":[\"DIVERSION\"],\"mitigation\":\"none adequate\"}"));
		assertThat(grantRefusals(id)).containsExactly("riskAssessment:RiskIsNotOverriding");

		created(post(id, "/risk-assessment", "{\"overriding\":[],\"mitigation\":\"post-shipment check agreed\"}"));
		JsonNode granted = Api.json(created(post(id, "/grant", grantBody("EXP-" + UUID.randomUUID(), null))));
		assertThat(granted.path("state").asString()).isEqualTo("GRANTED");
		assertThat(granted.path("endUserCertificate").path("verifiedBy").asString()).isNotBlank();
		assertThat(post(id, "/grant", grantBody("EXP-2", null)).body()).contains("AuthorisationStepIsAllowed");
	}

	@Test
	void aConsignmentOverItsQuantitiesIsRefusedAndItsFirearmsLeaveTheRegistry() {
		UUID pistol = pistol();
		String id = grantedExport("{\"kind\":\"FIREARM\",\"firearmId\":\"" + pistol + "\"},{\"kind\":\"AMMUNITION\","
				+ "\"calibre\":\"9x19mm\",\"quantity\":1000}", LocalDate.now().minusDays(1));

		HttpResponse<String> over = post(id, "/consignments",
				"{\"reference\":\"C-" + UUID.randomUUID() + "\",\"lines\":[{\"lineNo\":2,\"quantity\":1200}]}");
		assertThat(over.statusCode()).isEqualTo(422);
		assertThat(over.body()).contains("ShipmentWithinAuthorisedQuantity");
		assertThat(post(id, "/consignments",
				"{\"reference\":\"C-" + UUID.randomUUID() + "\",\"lines\":[{\"lineNo\":" + "3,\"quantity\":1}]}")
			.body()).contains("ConsignmentLineIsKnown");

		created(post(id, "/consignments", "{\"reference\":\"C-" + UUID.randomUUID() + "\",\"lines\":[{\"lineNo\":1,"
				+ "\"quantity\":1},{\"lineNo\":2,\"quantity\":600}]}"));
		assertThat(registry.firearm(pistol).orElseThrow().status()).isEqualTo(FirearmStatus.EXPORTED);
		assertThat(post(id, "/consignments",
				"{\"reference\":\"C-" + UUID.randomUUID() + "\",\"lines\":[{\"lineNo\":2," + "\"quantity\":401}]}")
			.body()).contains("ShipmentWithinAuthorisedQuantity");
		JsonNode usedUp = Api.json(created(post(id, "/consignments",
				"{\"reference\":\"C-" + UUID.randomUUID() + "\",\"lines\":[{\"lineNo\":2,\"quantity\":400}]}")));
		assertThat(usedUp.path("state").asString()).isEqualTo("USED_UP");
		assertThat(usedUp.path("lines").get(1).path("shipped").asLong()).isEqualTo(1000);

		// the document carries the code that anyone checks, without a token, against the
		// ledger
		HttpResponse<byte[]> pdf = api.getBytes("/api/v1/transfer-authorisations/" + id + "/document", token);
		assertThat(pdf.statusCode()).isEqualTo(200);
		assertThat(new String(pdf.body(), 0, 4, StandardCharsets.US_ASCII)).isEqualTo("%PDF");
		String code = usedUp.path("verificationCode").asString();
		JsonNode verified = Api.json(api.get("/api/v1/authorisation-verifications/" + code.toLowerCase()));
		assertThat(verified.path("number").asString()).isEqualTo(usedUp.path("number").asString());
		assertThat(verified.path("state").asString()).isEqualTo("USED_UP");
		assertThat(verified.path("lines").get(1).path("shipped").asLong()).isEqualTo(1000);
		assertThat(verified.toString()).doesNotContain(exporter.toString()).doesNotContain("Police Directorate");
		assertThat(api.get("/api/v1/authorisation-verifications/AAAA-BBBB-CCCC-DDDD").statusCode()).isEqualTo(404);
	}

	@Test
	void aShortReceiptAndAnOverdueOneAreDiversionAlerts() {
		String id = grantedExport("{\"kind\":\"PART\",\"partKind\":\"BARREL\",\"quantity\":50}",
				LocalDate.now().minusDays(90));
		String late = "C-LATE-" + UUID.randomUUID();
		String shortOne = "C-SHORT-" + UUID.randomUUID();
		created(post(id, "/consignments", "{\"reference\":\"" + late + "\",\"shippedOn\":\""
				+ LocalDate.now().minusDays(45) + "\",\"lines\":[{\"lineNo\":1,\"quantity\":20}]}"));
		JsonNode shipped = Api
			.json(created(post(id, "/consignments", "{\"reference\":\"" + shortOne + "\",\"shippedOn\":\""
					+ LocalDate.now().minusDays(5) + "\",\"lines\":[{\"lineNo\":1,\"quantity\":30}]}")));
		String consignment = shipped.path("consignments").get(1).path("id").asString();

		HttpResponse<String> tooMany = api.post("/api/v1/consignments/" + consignment + "/receipt", token,
				"{\"confirmedBy\":\"Serbian customs\",\"lines\":[{\"lineNo\":1,\"quantity\":31}]}");
		assertThat(tooMany.body()).contains("ReceivedWithinShipped");
		created(api.post("/api/v1/consignments/" + consignment + "/receipt", token,
				"{\"confirmedBy\":\"Serbian customs\",\"lines\":[{\"lineNo\":1,\"quantity\":27}]}"));
		assertThat(api
			.post("/api/v1/consignments/" + consignment + "/receipt", token,
					"{\"confirmedBy\":\"Serbian customs\",\"lines\":[{\"lineNo\":1,\"quantity\":30}]}")
			.body()).contains("ReceiptIsConfirmedOnce");

		List<JsonNode> alerts = Api.json(api.get("/api/v1/transfers/alerts", token))
			.valueStream()
			.filter(a -> a.path("authorisationId").asString().equals(id))
			.toList();
		assertThat(alerts).extracting(a -> a.path("kind").asString() + " " + a.path("consignmentReference").asString())
			.containsExactlyInAnyOrder("RECEIPT_OVERDUE " + late, "RECEIVED_SHORT " + shortOne);
		assertThat(alerts).extracting(a -> a.path("detail").asString()).contains("line 1: shipped 30, received 27");
		assertThat(api.get("/api/v1/transfers/alerts.csv", token).body()).contains("RECEIVED_SHORT").contains(shortOne);
	}

	@Test
	void anImportQuotingAnExportItsStateNeverNotifiedIsFlaggedUntilTheNoticeIsRecorded() {
		String reference = "DE-AUSFUHR-" + UUID.randomUUID().toString().substring(0, 8);
		HttpResponse<String> unquoted = api.post("/api/v1/transfer-authorisations", token,
				body("IMPORT", "DEU", "AUT", "[]", "{\"kind\":\"FIREARM\",\"firearmId\":\"" + pistol() + "\"}", null));
		assertThat(unquoted.body()).contains("ForeignExportIsQuoted");
		String id = Api
			.json(created(api.post("/api/v1/transfer-authorisations", token,
					body("IMPORT", "Germany", "AUT", "[]",
							"{\"kind\":\"AMMUNITION\",\"calibre\":\".308 Win\",\"quantity\":" + "2000}", reference))))
			.path("id")
			.asString();

		assertThat(alertsOf(id)).containsExactly("UNKNOWN_EXPORT_REFERENCE");
		created(api.post("/api/v1/foreign-export-notices", token,
				"{\"country\":\"DEU\",\"reference\":\"" + reference + "\",\"issuedOn\":\"2026-03-02\"}"));
		assertThat(alertsOf(id)).isEmpty();
	}

	@Test
	void aFirearmReceivedUnderAnImportIsImportedOnTheRegistryWithItsImportMarking() {
		UUID pistol = pistol();
		String export = grantedExport("{\"kind\":\"FIREARM\",\"firearmId\":\"" + pistol + "\"}",
				LocalDate.now().minusDays(20));
		created(post(export, "/consignments", "{\"reference\":\"C-" + UUID.randomUUID() + "\",\"shippedOn\":\""
				+ LocalDate.now().minusDays(10) + "\",\"lines\":[{\"lineNo\":1,\"quantity\":1}]}"));
		assertThat(registry.firearm(pistol).orElseThrow().status()).isEqualTo(FirearmStatus.EXPORTED);

		// back for repair: an import quoting Serbia's export authorisation
		String back = Api
			.json(created(
					api.post("/api/v1/transfer-authorisations", token,
							body("IMPORT", "SRB", "AUT", "[]",
									"{\"kind\":\"FIREARM\",\"firearmId\":\"" + pistol + "\"}", "SRB-EXP-9"))))
			.path("id")
			.asString();
		created(post(back, "/grant", grantBody("IMP-" + UUID.randomUUID(), LocalDate.now().minusDays(3))));
		JsonNode shipped = Api
			.json(created(post(back, "/consignments", "{\"reference\":\"C-" + UUID.randomUUID() + "\",\"shippedOn\":\""
					+ LocalDate.now().minusDays(2) + "\",\"lines\":[{\"lineNo\":1,\"quantity\":1}]}")));
		String consignment = shipped.path("consignments").get(0).path("id").asString();
		created(api.post("/api/v1/consignments/" + consignment + "/receipt", token,
				"{\"confirmedBy\":\"Austrian customs\",\"lines\":[{\"lineNo\":1,\"quantity\":1}]}"));

		RegistryQueries.FirearmView imported = registry.firearm(pistol).orElseThrow();
		assertThat(imported.status()).isEqualTo(FirearmStatus.ACTIVE);
		assertThat(imported.markings()).anySatisfy(m -> assertThat(m.kind().name()).isEqualTo("IMPORT"));
	}

	private List<String> alertsOf(String id) {
		return Api.json(api.get("/api/v1/transfers/alerts", token))
			.valueStream()
			.filter(a -> a.path("authorisationId").asString().equals(id))
			.map(a -> a.path("kind").asString())
			.toList();
	}

	/** An export with every consent recorded, granted from {@code issuedOn}. */
	private String grantedExport(String lines, LocalDate issuedOn) {
		String id = apply("EXPORT", "[]", lines, null);
		created(post(id, "/import-authorisation", "{\"reference\":\"SRB-IMP-1\",\"issuedOn\":\"" + issuedOn.minusDays(5)
				+ "\",\"verifiedHow\":\"note\"}"));
		created(post(id, "/end-user-certificate", "{\"certificateReference\":\"EUC-1\",\"endUser\":\"Police\","
				+ "\"endUse\":\"service\",\"signatory\":\"Director\"}"));
		created(post(id, "/end-user-certificate/verification", "{\"verifiedWith\":\"MoD\"}"));
		created(post(id, "/risk-assessment", "{\"overriding\":[]}"));
		created(post(id, "/grant", grantBody("EXP-" + UUID.randomUUID(), issuedOn)));
		return id;
	}

	private String apply(String kind, String transit, String lines, String foreignReference) {
		return Api.json(created(api.post("/api/v1/transfer-authorisations", token,
				body(kind, "AUT", "SRB", transit, lines, foreignReference))))
			.path("id")
			.asString();
	}

	private String body(String kind, String from, String to, String transit, String lines, String foreignReference) {
		return "{\"kind\":\"" + kind + "\",\"applicantId\":\"" + exporter + "\",\"issuingAuthority\":\"Federal "
				+ "Ministry of the Interior\",\"placeOfIssue\":\"Vienna\",\"exportCountry\":\"" + from
				+ "\",\"importCountry\":\"" + to + "\",\"transitCountries\":" + transit
				+ ",\"finalRecipient\":\"Police " + "Directorate\",\"description\":\"service equipment\",\"lines\":["
				+ lines + "]" + (foreignReference == null ? "" : ",\"foreignReference\":\"" + foreignReference + "\"")
				+ "}";
	}

	private static String grantBody(String number, LocalDate issuedOn) {
		LocalDate from = issuedOn == null ? LocalDate.now() : issuedOn;
		return "{\"number\":\"" + number + "\",\"issuedOn\":\"" + from + "\",\"validUntil\":\"" + from.plusYears(1)
				+ "\"}";
	}

	private HttpResponse<String> post(String id, String step, String body) {
		return api.post("/api/v1/transfer-authorisations/" + id + step, token, body);
	}

	private List<String> grantRefusals(String id) {
		HttpResponse<String> refused = post(id, "/grant", grantBody("EXP-" + UUID.randomUUID(), null));
		assertThat(refused.statusCode()).as(refused.body()).isEqualTo(422);
		return Api.json(refused)
			.path("violations")
			.valueStream()
			.map(v -> v.path("field").asString() + ":" + v.path("rule").asString())
			.toList();
	}

	private static HttpResponse<String> created(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return response;
	}

	private UUID pistol() {
		return ((CommandResult.Accepted) firearms.register(new FirearmCommands.RegisterFirearm(FirearmType.PISTOL, null,
				"Synthetic Arms", "P1", "9x19mm", "TRF" + UUID.randomUUID().toString().substring(0, 8), "AUT", 2024,
				List.of(), exporter, null, false, LocalDate.of(2024, 3, 1)), ACTOR, null))
			.subjectId();
	}

}
