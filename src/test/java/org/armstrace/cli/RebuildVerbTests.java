package org.armstrace.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.WebSession;
import org.armstrace.command.CommandResult;
import org.armstrace.identity.Role;
import org.armstrace.ledger.PrivilegedTamperer;
import org.armstrace.ledger.ProjectionAudit;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmType;
import org.armstrace.registry.RegistryQueries;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * {@code rebuild} copies only a ledger that verifies into the tables, and says which rows
 * it changed.
 */
@DatabaseTest
@TestPropertySource(properties = "armstrace.test.context=rebuild")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class RebuildVerbTests {

	@Autowired
	RebuildVerb rebuild;

	@Autowired
	FirearmCommands commands;

	@Autowired
	RegistryQueries registry;

	@Autowired
	ProjectionAudit projections;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers testUsers;

	@LocalServerPort
	int port;

	final List<UUID> firearms = new ArrayList<>();

	final ByteArrayOutputStream out = new ByteArrayOutputStream();

	PrintStream stdout;

	PrintStream stderr;

	@BeforeEach
	void sixFirearms() {
		for (int i = 0; i < 6; i++) {
			firearms
				.add(((CommandResult.Accepted) commands.register(new FirearmCommands.RegisterFirearm(FirearmType.RIFLE,
						null, "Steyr", "SSG", "7.62x51mm", "RB" + UUID.randomUUID().toString().substring(0, 8), "AUT",
						2010, List.of(), null, null, false, null), "user:registrar-1", null))
					.subjectId());
		}
		stdout = System.out;
		stderr = System.err;
		PrintStream captured = new PrintStream(out, true, StandardCharsets.UTF_8);
		System.setOut(captured);
		System.setErr(captured);
	}

	@AfterEach
	void restore() {
		System.setOut(stdout);
		System.setErr(stderr);
	}

	@Test
	void aForgedRowIsPutBackAndNamed() {
		jdbc.sql("UPDATE firearm SET status = 'DESTROYED' WHERE id = ?").param(firearms.get(2)).update();

		assertThat(rebuild.run(new DefaultApplicationArguments("rebuild"))).isZero();

		assertThat(out.toString(StandardCharsets.UTF_8)).contains("1 row(s) changed")
			.contains(
					"registry/firearm id=" + firearms.get(2) + " CHANGED: status: table 'DESTROYED', ledger 'ACTIVE'");
		assertThat(registry.firearm(firearms.get(2)).orElseThrow().status().name()).isEqualTo("ACTIVE");
		assertThat(projections.check().ok()).isTrue();
	}

	@Test
	void theApiAndHealthNameAForgedRowForTheAuditor() {
		Api api = new Api(port);
		String auditor = testUsers.token(Role.AUDITOR);
		assertThat(api.post("/api/v1/ledger/projections/verify", auditor, "").statusCode()).isEqualTo(200);
		jdbc.sql("UPDATE firearm SET serial = 'FORGED000001' WHERE id = ?").param(firearms.get(1)).update();

		HttpResponse<String> checked = api.post("/api/v1/ledger/projections/verify", auditor, "");

		assertThat(checked.statusCode()).isEqualTo(409);
		assertThat(Api.json(checked).path("drifts").get(0).path("columns").get(0).asString())
			.startsWith("serial: table 'FORGED000001', ledger 'RB");
		assertThat(api.get("/api/v1/ledger/projections/report", auditor).body()).contains("FORGED000001");
		assertThat(api.get("/actuator/health", auditor).body()).contains("PROJECTIONS DRIFT 1 row(s)");
		assertThat(api.post("/api/v1/ledger/projections/verify", testUsers.token(Role.REGISTRAR), "").statusCode())
			.isEqualTo(403);

		WebSession registrar = WebSession.signIn(port, testUsers.user(Role.REGISTRAR).username());
		String page = registrar.get("/firearms/" + firearms.get(1)).body();
		assertThat(page).contains("id=\"record-not-verified\"", "serial: shown &#39;FORGED000001&#39;");
		assertThat(registrar.get("/firearms/" + firearms.get(0)).body()).doesNotContain("record-not-verified");
		WebSession auditorSession = WebSession.signIn(port, testUsers.user(Role.AUDITOR).username());
		assertThat(auditorSession.get("/ledger").body()).contains("id=\"projections-drift\"", "FORGED000001");
	}

	@Test
	void aLedgerThatFailsVerifyIsNotCopiedUnlessToldToStopBeforeItsFirstBadEntry() {
		new PrivilegedTamperer(jdbc).run(db -> db.sql("UPDATE ledger_entry SET entry = ? WHERE seq = 4")
			.param("{\"forged\":true}".getBytes(StandardCharsets.UTF_8))
			.update());

		assertThat(rebuild.run(new DefaultApplicationArguments("rebuild"))).isEqualTo(1);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("rebuild refused")
			.contains("--up-to-last-good rebuilds them from entries 0 to 3");
		assertThat(registry.firearm(firearms.get(5))).as("the tables are as they were").isPresent();

		assertThat(rebuild.run(new DefaultApplicationArguments("rebuild", "--up-to-last-good"))).isZero();
		assertThat(registry.firearm(firearms.get(3))).isPresent();
		assertThat(registry.firearm(firearms.get(4))).as("from entry 4 on, nothing is copied").isEmpty();
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("registry/firearm id=" + firearms.get(4) + " EXTRA");
	}

}
