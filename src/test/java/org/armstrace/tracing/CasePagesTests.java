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
import org.armstrace.identity.Role;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

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

		assertThat(session.get("/investigation-cases/IC-0000-99999?purpose=x").statusCode()).isEqualTo(404);
		WebSession customs = WebSession.signIn(port, testUsers.user(Role.CUSTOMS).username());
		assertThat(customs.get(withPurpose).statusCode()).isEqualTo(403);
	}

}
