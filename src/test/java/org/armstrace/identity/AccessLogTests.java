package org.armstrace.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestDatabase;
import org.armstrace.TestUsers;
import org.armstrace.command.CommandResult;
import org.armstrace.registry.HolderCommands;
import org.armstrace.registry.HolderRole;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import tools.jackson.databind.JsonNode;

@DatabaseTest
@TestPropertySource(properties = "armstrace.test.context=access-log")
@DirtiesContext
class AccessLogTests {

	@LocalServerPort
	int port;

	@Autowired
	TestUsers testUsers;

	@Autowired
	Users users;

	@Autowired
	HolderCommands holders;

	@Autowired
	AccessLog accessLog;

	@Autowired
	JdbcClient jdbc;

	@Test
	void searchesReadsAndRefusalsAreLoggedWithUserPurposeAndCountAndTheChainHolds() throws Exception {
		Users.Account investigator = testUsers.user(Role.INVESTIGATOR);
		String token = testUsers.tokenFor(investigator);
		var holder = holders.register(
				new HolderCommands.RegisterHolder(HolderRole.PRIVATE_OWNER, "Synthetic Person", null, "AUT", null),
				"user:test", null);
		String holderId = ((CommandResult.Accepted) holder).subjectId().toString();

		assertThat(get("/api/v1/firearms?serial=ZZZ", token, "case 2026/17").statusCode()).isEqualTo(200);
		HttpResponse<String> withoutPurpose = get("/api/v1/holders/" + holderId, token, null);
		assertThat(withoutPurpose.statusCode()).isEqualTo(400);
		assertThat(Api.json(withoutPurpose).path("detail").asString()).startsWith("X-Access-Purpose:");
		assertThat(get("/api/v1/holders/" + holderId, token, "case 2026/17").statusCode()).isEqualTo(200);
		assertThat(get("/api/v1/access-log", token, null).statusCode()).isEqualTo(403);

		List<AccessLog.Entry> logged = accessLog.search(investigator.username(), null, 10);
		assertThat(logged).extracting(AccessLog.Entry::action)
			.containsExactly(AccessLog.Action.REFUSED, AccessLog.Action.READ, AccessLog.Action.SEARCH);
		assertThat(logged.get(2).terms()).isEqualTo("serial=ZZZ");
		assertThat(logged.get(2).purpose()).isEqualTo("case 2026/17");
		assertThat(logged.get(2).resultCount()).isZero();
		assertThat(logged.get(1).target()).isEqualTo("holder " + holderId);
		assertThat(logged.get(0).target()).isEqualTo("GET /api/v1/access-log");

		String auditor = testUsers.token(Role.AUDITOR);
		JsonNode seen = Api.json(get("/api/v1/access-log?user=" + investigator.username(), auditor, null));
		assertThat(seen.size()).isEqualTo(3);
		assertThat(Api.json(get("/api/v1/access-log/verify", auditor, null)).path("intact").asBoolean()).isTrue();

		long altered = logged.get(1).seq();
		tamper("UPDATE access_log SET purpose = 'nothing to see' WHERE seq = " + altered);
		AccessLog.ChainReport report = accessLog.verify();
		assertThat(report.intact()).isFalse();
		assertThat(report.firstBrokenSeq()).isEqualTo(altered);
	}

	private void tamper(String sql) {
		if (TestDatabase.postgresql()) {
			jdbc.sql("ALTER TABLE access_log DISABLE TRIGGER USER").update();
			jdbc.sql(sql).update();
			jdbc.sql("ALTER TABLE access_log ENABLE TRIGGER USER").update();
		}
		else {
			jdbc.sql("DROP TRIGGER access_log_append_only").update();
			jdbc.sql(sql).update();
			jdbc.sql("CREATE TRIGGER access_log_append_only BEFORE UPDATE, DELETE ON access_log FOR EACH ROW CALL "
					+ "'org.armstrace.ledger.AppendOnlyGuard'")
				.update();
		}
	}

	private HttpResponse<String> get(String path, String token, String purpose) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
			.header("Authorization", "Bearer " + token);
		if (purpose != null) {
			request.header(AccessLog.PURPOSE_HEADER, purpose);
		}
		return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

}
