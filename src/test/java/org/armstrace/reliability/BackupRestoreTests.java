package org.armstrace.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.armstrace.ScratchFiles;
import org.armstrace.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A backup restored as docs/operations.md says (PostgreSQL: {@code pg_dump} while the
 * node serves; H2: a copy of the database directory while it is stopped; both with the
 * node's key and the head signed at backup time): {@code verify --since-head} proves the
 * restored ledger extends the head saved at backup, and refuses a head signed after it,
 * which is how the operator learns that what was written since the backup is lost.
 */
@Tag(TestDatabase.TAG)
@ExtendWith(TestDatabase.Availability.class)
@NodeProcesses
class BackupRestoreTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final Pattern PG_URL = Pattern
		.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)\\?currentSchema=(\\w+)");

	Map<String, Object> database;

	Path backups;

	String restoredDatabase;

	@BeforeEach
	void aNodesDatabase() throws IOException {
		database = new HashMap<>(TestDatabase.newDatabase());
		database.put("armstrace.ledger.checkpoint-every", "1s");
		if (!TestDatabase.postgresql()) {
			database.keySet().removeIf(key -> key.startsWith("spring.datasource."));
		}
		backups = ScratchFiles.folder("armstrace-backups-");
	}

	@AfterEach
	void dropIt() throws SQLException {
		TestDatabase.drop(database);
		if (restoredDatabase != null) {
			try (Connection db = server(); Statement s = db.createStatement()) {
				s.execute("DROP DATABASE IF EXISTS " + restoredDatabase);
			}
		}
	}

	@Test
	void aRestoredBackupExtendsTheHeadSavedAtBackupAndAHeadSignedLaterShowsWhatWasLost() throws Exception {
		Path home = Path.of(database.get("armstrace.home").toString());
		Path headAtBackup = backups.resolve("head-at-backup.txt");
		Path latestHead = backups.resolve("latest-head.txt");
		String token;
		try (Node node = new Node(database, "live").start("demo", "--size=10")) {
			token = node.awaitUp().demoToken();
			node.awaitOutput("Demo seizures: ", Duration.ofSeconds(120));
			Files.writeString(headAtBackup, headCoveringTheLedger(node, token));
			if (TestDatabase.postgresql()) {
				Matcher url = url();
				run("pg_dump", "-h", url.group(1), "-p", url.group(2), "-U", "postgres", "-d", url.group(3), "-n",
						url.group(4), "-Fc", "-f", backups.resolve("armstrace.dump").toString());
			}
			else {
				// the embedded database is copied while no process holds it
				node.stop();
				copy(home.resolve("db"), backups.resolve("db"));
				node.start("serve").awaitUp();
			}
			Files.copy(home.resolve("ledger-key.pem"), backups.resolve("ledger-key.pem"));

			// written after the backup: lost with the failure
			for (int i = 0; i < 5; i++) {
				HttpResponse<String> registered = node.post(token, "/api/v1/firearms", """
						{"type":"PISTOL","make":"Glock","model":"17","calibre":"9x19mm","serial":"BK%06d",
						 "countryOfManufacture":"AUT","year":2015}""".formatted(i), null);
				assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
			}
			Files.writeString(latestHead, headCoveringTheLedger(node, token));
			node.stop();
		}

		Map<String, Object> restored = new HashMap<>();
		Path restoredHome = ScratchFiles.folder("armstrace-restored-");
		restored.put("armstrace.home", restoredHome.toString());
		Files.copy(backups.resolve("ledger-key.pem"), restoredHome.resolve("ledger-key.pem"));
		if (TestDatabase.postgresql()) {
			Matcher url = url();
			restoredDatabase = "restored_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
			try (Connection db = server(); Statement s = db.createStatement()) {
				s.execute("CREATE DATABASE " + restoredDatabase);
			}
			run("pg_restore", "-h", url.group(1), "-p", url.group(2), "-U", "postgres", "-d", restoredDatabase,
					backups.resolve("armstrace.dump").toString());
			restored.put("spring.datasource.url", "jdbc:postgresql://" + url.group(1) + ":" + url.group(2) + "/"
					+ restoredDatabase + "?currentSchema=" + url.group(4));
			restored.put("spring.datasource.username", "postgres");
			restored.put("spring.datasource.password", "");
		}
		else {
			copy(backups.resolve("db"), restoredHome.resolve("db"));
		}

		try (Node check = new Node(restored, "restore-check").start("verify", "--since-head=" + headAtBackup)) {
			assertThat(check.awaitExit()).as(check.logText()).isZero();
			assertThat(check.logText()).contains("OK size=");
		}
		long lostFrom = size(Files.readString(headAtBackup));
		long lostTo = size(Files.readString(latestHead));
		assertThat(lostTo).isGreaterThan(lostFrom);
		try (Node check = new Node(restored, "restore-check-latest").start("verify", "--since-head=" + latestHead)) {
			assertThat(check.awaitExit()).as("a head signed after the backup is beyond the restored ledger").isOne();
			assertThat(check.logText()).contains(String.valueOf(lostTo));
		}
	}

	/**
	 * The signed head once it covers every entry: what an operator saves with a backup.
	 */
	private String headCoveringTheLedger(Node node, String token) throws InterruptedException {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
		while (System.nanoTime() < deadline) {
			JsonNode ledger = JSON.readTree(node.get(token, "/actuator/health").body())
				.path("components")
				.path("ledger")
				.path("details");
			long size = ledger.path("size").asLong();
			if (size > 0 && ledger.path("latestHeadSize").asLong() == size) {
				String head = node.get(null, "/api/v1/ledger/checkpoint").body();
				if (size(head) == size) {
					return head;
				}
			}
			Thread.sleep(250);
		}
		throw new IllegalStateException("no head covering the ledger within 60 s");
	}

	/** The tree size of a checkpoint note: its second line. */
	private static long size(String head) {
		return Long.parseLong(head.lines().skip(1).findFirst().orElseThrow().trim());
	}

	private Matcher url() {
		Matcher url = PG_URL.matcher(database.get("spring.datasource.url").toString());
		assertThat(url.matches()).as(database.get("spring.datasource.url").toString()).isTrue();
		return url;
	}

	private Connection server() throws SQLException {
		Matcher url = url();
		return DriverManager.getConnection(
				"jdbc:postgresql://" + url.group(1) + ":" + url.group(2) + "/" + url.group(3), "postgres", "");
	}

	private static void run(String... command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
		String output = new String(process.getInputStream().readAllBytes());
		assertThat(process.waitFor()).as(String.join(" ", command) + ":\n" + output).isZero();
	}

	private static void copy(Path from, Path to) throws IOException {
		try (Stream<Path> files = Files.walk(from)) {
			for (Path file : files.toList()) {
				Path target = to.resolve(from.relativize(file).toString());
				if (Files.isDirectory(file)) {
					Files.createDirectories(target);
				}
				else {
					Files.copy(file, target);
				}
			}
		}
	}

}
