package org.armstrace.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;

import org.armstrace.Api;
import org.armstrace.TestDatabase;
import org.armstrace.TestUsers;
import org.armstrace.command.ProjectionChecks;
import org.armstrace.identity.Role;
import org.armstrace.ledger.LedgerVerification;
import org.armstrace.ledger.ProjectionReport;
import org.armstrace.ledger.VerificationReport;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

import tools.jackson.databind.JsonNode;

/**
 * A database made by the previous release (commit eb0a26b, before dealers' registers,
 * international transfers, exchange and the pending registry match: migrations V88 to
 * V95) starts this release: Flyway migrates it, its ledger verifies with the heads signed
 * by the old node's key (only its public key is kept), the tables the new release adds
 * are rebuilt from the ledger, and its records read back. The fixtures and how they were
 * made: src/test/resources/previous-release/README.md.
 */
@Tag(TestDatabase.TAG)
@ExtendWith(TestDatabase.Availability.class)
// the fixture's licences end their validity from 2026-12-01 on: recording their expiry
// at start (or at the nightly run) would add ledger entries that depend on the day the
// test runs
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "armstrace.licensing.expire-at-start=false", "armstrace.licensing.expiry-cron=-" })
@ContextConfiguration(initializers = UpgradeTests.PreviousReleaseDatabase.class)
class UpgradeTests {

	/**
	 * What {@code demo --size=60} wrote on the previous release, signed heads included.
	 */
	private static final long LEDGER_SIZE = 2_396;

	@Autowired
	LedgerVerification verification;

	@Autowired
	ProjectionChecks projections;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers users;

	@LocalServerPort
	int port;

	@Test
	void aDatabaseOfThePreviousReleaseMigratesVerifiesWithItsKeyAndReadsBack() throws IOException {
		// quoted: Flyway names its table in lower case on H2 too
		assertThat(jdbc.sql("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"version\" IN ('87', '95')")
			.query(Long.class)
			.single()).as("made by a release at V87, migrated to this one").isEqualTo(2);

		String previousNode = new ClassPathResource("previous-release/ledger-key.vkey")
			.getContentAsString(StandardCharsets.UTF_8);
		VerificationReport verified = verification.verify(null, previousNode);
		assertThat(verified.ok()).as(verified.summary()).isTrue();
		assertThat(verified.treeSize()).isEqualTo(LEDGER_SIZE);
		assertThat(verified.checkpointsChecked()).isPositive();
		assertThat(verification.verify(null).ok()).as("the heads are not signed by this node's new key").isFalse();

		// a table this release adds (the dealers' registers, V88) starts empty: the
		// rebuild an upgrade ends with fills it from the ledger, and changes nothing else
		ProjectionReport rebuilt = projections.rebuild(null);
		assertThat(rebuilt.failure()).isNull();
		assertThat(rebuilt.drifts()).extracting(ProjectionReport.Drift::table).containsOnly("holding_movement");
		ProjectionReport checked = projections.check();
		assertThat(checked.ok()).as(checked.summary()).isTrue();

		Api api = new Api(port);
		String registrar = users.token(Role.REGISTRAR);
		HttpResponse<String> firearm = api.get("/api/v1/firearms/98c8c6e6-e325-49ac-99e5-5168005b5026", registrar);
		assertThat(firearm.statusCode()).as(firearm.body()).isEqualTo(200);
		JsonNode record = Api.json(firearm);
		assertThat(record.path("recordNumber").asString()).isEqualTo("FA-2026-000001");
		assertThat(record.path("serial").asString()).isEqualTo("SM046756");
		assertThat(record.path("make").asString()).isEqualTo("Smith & Wesson");

		HttpResponse<String> licence = api.get("/api/v1/licences/e3524eac-7670-3ef3-98b1-bef45de1c584",
				users.token(Role.LICENSING));
		assertThat(licence.statusCode()).as(licence.body()).isEqualTo(200);
		assertThat(Api.json(licence).path("number").asString()).isEqualTo("AUT-DEA-000002");

		assertThat(jdbc.sql("SELECT COUNT(*) FROM firearm").query(Long.class).single()).isEqualTo(60);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM seizure").query(Long.class).single()).isEqualTo(12);
	}

	/**
	 * A fresh database (H2 in memory, or a schema of the test PostgreSQL) loaded with the
	 * previous release's dump before the application, and so Flyway, starts on it.
	 */
	static class PreviousReleaseDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

		private static final Pattern PG_URL = Pattern
			.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)\\?currentSchema=(\\w+)");

		@Override
		public void initialize(ConfigurableApplicationContext context) {
			Map<String, Object> database = TestDatabase.newDatabase();
			String url = database.get("spring.datasource.url").toString();
			if (TestDatabase.postgresql()) {
				restorePostgresql(url);
			}
			else {
				try (Connection db = DriverManager.getConnection(url, "sa", ""); Statement s = db.createStatement()) {
					s.execute("RUNSCRIPT FROM 'classpath:previous-release/h2.sql.gz' COMPRESSION GZIP");
				}
				catch (SQLException e) {
					throw new IllegalStateException("cannot load the previous release's H2 script", e);
				}
			}
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("armstrace-previous-release", database));
			context.addApplicationListener(event -> {
				if (event instanceof ContextClosedEvent) {
					TestDatabase.drop(database);
				}
			});
		}

		/**
		 * The plain pg_dump of schema {@code armstrace_previous}, into this test's own
		 * schema, with psql (as an operator restores a plain dump).
		 */
		private static void restorePostgresql(String url) {
			Matcher pg = PG_URL.matcher(url);
			if (!pg.matches()) {
				throw new IllegalStateException("not a test PostgreSQL URL: " + url);
			}
			String schema = pg.group(4);
			try (InputStream gz = new GZIPInputStream(
					new ClassPathResource("previous-release/postgresql.sql.gz").getInputStream())) {
				String dump = new String(gz.readAllBytes(), StandardCharsets.UTF_8).lines()
					.filter(line -> !line.startsWith("CREATE SCHEMA "))
					.map(line -> line.replace("armstrace_previous.", schema + "."))
					.collect(Collectors.joining("\n", "", "\n"));
				Process psql = new ProcessBuilder("psql", "-q", "-v", "ON_ERROR_STOP=1", "-h", pg.group(1), "-p",
						pg.group(2), "-U", "postgres", "-d", pg.group(3))
					.redirectErrorStream(true)
					.start();
				try (OutputStream in = psql.getOutputStream()) {
					in.write(dump.getBytes(StandardCharsets.UTF_8));
				}
				String output = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
				if (psql.waitFor() != 0) {
					throw new IllegalStateException("psql could not restore the previous release's dump:\n" + output);
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(e);
			}
		}

	}

}
