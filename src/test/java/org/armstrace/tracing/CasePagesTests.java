package org.armstrace.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.WebSession;
import org.armstrace.identity.AccessLog;
import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.LedgerEntry;
import org.armstrace.identity.Role;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import tools.jackson.databind.JsonNode;

/**
 * An investigation case's page opens only once a purpose is stated (it names persons),
 * shows the case's trace requests, and adds a person through its form, refusing one
 * without a name.
 */
@DatabaseTest
class CasePagesTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	FirearmCommands firearms;

	@Autowired
	AccessLog accessLog;

	@Autowired
	Ledger ledger;

	@Test
	void anInvestigatorOpensACaseWithAPurposeAndAddsAPerson() {
		String serial = "CASE" + CustodyChainTests.numbers.incrementAndGet();
		UUID pistol = CustodyChainTests
			.ok(firearms.register(
					new FirearmCommands.RegisterFirearm(FirearmType.PISTOL, null, "Beretta", "92", "9x19mm", serial,
							"ITA", 2018, List.of(), null, null, false, LocalDate.of(2018, 1, 1)),
					CustodyChainTests.ACTOR, null));
		String investigator = testUsers.user(Role.INVESTIGATOR).username();
		HttpResponse<String> opened = new Api(port).post("/api/v1/trace-requests",
				testUsers.tokenFor(testUsers.user(Role.INVESTIGATOR)), "{\"observed\": {\"serial\": \"" + serial
						+ "\", \"make\": \"Beretta\"}, \"priority\": \"ROUTINE\", \"firearmId\": \"" + pistol + "\"}");
		assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
		String caseReference = Api.json(opened).path("caseReference").asString();
		String traceReference = Api.json(opened).path("reference").asString();
		String page = "/investigation-cases/" + caseReference;
		WebSession session = WebSession.signIn(port, investigator);

		String closed = session.get(page).body();
		assertThat(closed).contains("id=\"case-purpose-form\"").doesNotContain(traceReference);
		String withPurpose = page + "?purpose=operation+north";
		assertThat(session.get(withPurpose).body()).contains(traceReference).contains("id=\"person-form\"");
		assertThat(accessLog.search(investigator, AccessLog.Action.READ, 5)).extracting(AccessLog.Entry::purpose)
			.contains("operation north");

		HttpResponse<String> nameless = session.post(withPurpose, page + "/persons",
				Map.of("name", " ", "nationality", "AUT", "role", "SUSPECT", "purpose", "operation north"));
		assertThat(nameless.body()).contains("id=\"refusals\"").doesNotContain("id=\"added\"");
		HttpResponse<String> added = session.post(withPurpose, page + "/persons", Map.of("name", "Synthetic Person One",
				"nationality", "AUT", "role", "SUSPECT", "purpose", "operation north"));
		assertThat(added.body()).contains("id=\"added\"").contains("Synthetic Person One").contains("SUSPECT");

		// money beside weapons and people (DP 36-37): on the page and through the API
		HttpResponse<String> badCurrency = session.post(withPurpose, page + "/financial-information",
				Map.of("kind", "TRANSFER", "amount", "4500.50", "currency", "EURO", "purpose", "operation north"));
		assertThat(badCurrency.body()).contains("id=\"refusals\"").contains("ISO 4217");
		HttpResponse<String> transfer = session.post(withPurpose, page + "/financial-information",
				Map.of("kind", "TRANSFER", "amount", "4500.50", "currency", "eur", "occurredOn", "2026-10-02",
						"account", "AT61 1904 3002 3457 3201", "counterparty", "Synthetic Trading Ltd", "description",
						"paid for two pistols", "purpose", "operation north"));
		assertThat(transfer.body()).doesNotContain("id=\"refusals\"")
			.contains("4500.50 EUR")
			.contains("Synthetic Trading Ltd")
			.contains("id=\"case-weapons\"");
		Api api = new Api(port);
		String token = testUsers.tokenFor(testUsers.user(Role.INVESTIGATOR));
		HttpResponse<String> tooMuch = api.post(
				"/api/v1/investigation-cases/" + caseReference + "/financial-information", token,
				"{\"kind\":\"CASH\",\"amount\":\"99999999999999\",\"currency\":\"USD\"}");
		assertThat(tooMuch.statusCode()).isEqualTo(422);
		assertThat(tooMuch.body()).contains("AmountIsInRange").contains("\"field\":\"amount\"");
		assertThat(api
			.post("/api/v1/investigation-cases/" + caseReference + "/financial-information", token,
					"{\"kind\":\"ASSET\",\"description\":\"a car bought in cash\"}")
			.statusCode()).isEqualTo(201);
		JsonNode investigationCase = Api.json(api.getWithHeader("/api/v1/investigation-cases/" + caseReference, token,
				AccessLog.PURPOSE_HEADER, "operation north"));
		JsonNode money = investigationCase.path("money");
		assertThat(money.valueStream().map(m -> m.path("kind").asString() + " " + m.path("amount").asString("-")))
			.containsExactlyInAnyOrder("TRANSFER 4500.50", "ASSET -");
		assertThat(money.get(0).path("account").asString()).as("dated entries first")
			.isEqualTo("AT61 1904 3002 3457 3201");
		assertThat(ledger.entriesAbout(investigationCase.path("id").asString())).extracting(LedgerEntry::json)
			.anyMatch(json -> json.contains("450050"))
			.noneMatch(json -> json.contains("AT61") || json.contains("Synthetic Trading") || json.contains("a car"));

		assertThat(session.get("/investigation-cases/IC-0000-99999?purpose=x").statusCode()).isEqualTo(404);
		WebSession customs = WebSession.signIn(port, testUsers.user(Role.CUSTOMS).username());
		assertThat(customs.get(withPurpose).statusCode()).isEqualTo(403);
	}

}
