package org.armstrace.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.armstrace.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a node keeps when its process is killed ({@code kill -9}, no shutdown): every
 * command it acknowledged, once; an interrupted demo fill or import picks up where it
 * stopped; one stopped (SIGTERM) during a demo fill ends it between two batches, with no
 * error. Each test runs ArmsTrace in processes of its own on a database that outlives
 * them: the embedded H2 file of a laptop, or a PostgreSQL schema.
 */
@Tag(TestDatabase.TAG)
@ExtendWith(TestDatabase.Availability.class)
@NodeProcesses
class KillNineTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	Map<String, Object> database;

	@BeforeEach
	void aDatabaseThatOutlivesTheProcess() {
		database = new HashMap<>(TestDatabase.newDatabase());
		if (!TestDatabase.postgresql()) {
			// the laptop default: the H2 file under ARMSTRACE_HOME, as the README runs it
			database.keySet().removeIf(key -> key.startsWith("spring.datasource."));
		}
	}

	@AfterEach
	void dropIt() {
		TestDatabase.drop(database);
	}

	record Acknowledged(String body, String id) {
	}

	@Test
	void everyRegistrationAcknowledgedBeforeAKillIsThereOnceAndItsRetryAnswersTheSame() throws Exception {
		Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
		String token;
		try (Node node = new Node(database, "writers").start("demo", "--size=10")) {
			token = node.awaitUp().demoToken();
			// the demo's ten firearms first: the writers' registrations come after them
			node.awaitOutput("Demo seizures: ", Duration.ofSeconds(120));
			AtomicBoolean killed = new AtomicBoolean();
			ExecutorService writers = Executors.newFixedThreadPool(4);
			for (int w = 0; w < 4; w++) {
				int writer = w;
				writers.submit(() -> register(node, token, writer, killed, acknowledged));
			}
			Thread.sleep(5_000);
			node.kill();
			killed.set(true);
			writers.shutdown();
			assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
		}
		assertThat(acknowledged).as("registrations acknowledged before the kill").hasSizeGreaterThan(20);

		try (Node node = new Node(database, "restarted").start("serve")) {
			node.awaitUp();
			List<String> lost = acknowledged.values()
				.stream()
				.filter(a -> node.get(token, "/api/v1/firearms/" + a.id()).statusCode() != 200)
				.map(Acknowledged::id)
				.toList();
			assertThat(lost).as("acknowledged registrations lost by the kill, of " + acknowledged.size()).isEmpty();
			acknowledged.forEach((key, a) -> {
				HttpResponse<String> retried = node.post(token, "/api/v1/firearms", a.body(), key);
				assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
				assertThat(JSON.readTree(retried.body()).path("id").asString()).isEqualTo(a.id());
			});
			assertThat(node.post(token, "/api/v1/ledger/verify", "{}", null).statusCode()).isEqualTo(200);
			node.stop();
		}
		try (Connection db = new Node(database, "check").database()) {
			assertThat(
					Node.count(db,
							"SELECT COUNT(*) FROM (SELECT serial FROM firearm WHERE serial LIKE 'KN%' "
									+ "GROUP BY serial HAVING COUNT(*) > 1) d"))
				.as("serials registered twice")
				.isZero();
		}
	}

	@Test
	void aDemoFillKilledHalfwayIsResumedAndTheNodeRegistersFirearms() throws Exception {
		String token;
		try (Node node = new Node(database, "demo").start("demo", "--size=4000", "--seed=5")) {
			token = node.awaitUp().demoToken();
			// killed once one or two of the registry's four batches (5,000 entries
			// each) have committed, with the others still to be written
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			while (node.get(token, "/api/v1/ledger/entries/5000").statusCode() != 200 && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			node.kill();
		}
		int before;
		try (Connection db = new Node(database, "check").database()) {
			before = Node.count(db, "SELECT COUNT(*) FROM firearm");
		}
		assertThat(before).as("firearms when the fill was killed").isPositive().isLessThan(4_000);

		try (Node node = new Node(database, "resumed").start("demo", "--size=4000", "--seed=5")) {
			node.awaitUp();
			node.awaitOutput("Demo seizures: ", Duration.ofSeconds(240));
			HttpResponse<String> registered = node.post(token, "/api/v1/firearms", firearm("KD-000001"), null);
			assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
			node.stop();
		}
		try (Connection db = new Node(database, "check").database()) {
			// the fill's 4,000, the cross-checks' planted cases (registered by their own
			// actor), and ours
			assertThat(Node.count(db, "SELECT COUNT(*) FROM firearm")).isEqualTo(
					4_001 + Node.count(db, "SELECT COUNT(*) FROM ledger_entry WHERE actor = 'system:demo-cross-checks' "
							+ "AND type = 'registry.firearm-manufactured'"));
			assertThat(Node.count(db, "SELECT COUNT(*) FROM (SELECT record_number FROM firearm GROUP BY record_number "
					+ "HAVING COUNT(*) > 1) d"))
				.as("record numbers issued twice")
				.isZero();
		}
	}

	@Test
	void aDemoStoppedWhileFillingEndsBetweenTwoBatchesWithoutAnError() throws Exception {
		try (Node node = new Node(database, "demo").start("demo", "--size=20000", "--seed=5")) {
			String token = node.awaitUp().demoToken();
			// stopped (Ctrl-C, SIGTERM) once the registry's first batch of 5,000 entries
			// has committed, with three more of its batches to go
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
			while (node.get(token, "/api/v1/ledger/entries/4999").statusCode() != 200 && System.nanoTime() < deadline) {
				Thread.sleep(50);
			}
			node.stop();
			String log = node.logText();
			assertThat(log).as("the fill's goodbye").contains("Demo fill: stopped with the application");
			assertThat(log).as("what stopping printed").doesNotContain(" ERROR ").doesNotContain("Exception");
		}
		try (Connection db = new Node(database, "check").database()) {
			int firearms = Node.count(db, "SELECT COUNT(*) FROM firearm");
			assertThat(firearms).as("firearms when the fill was stopped").isPositive().isLessThan(20_000);
			// whole batches: every firearm the ledger records is in the table, and no
			// other
			assertThat(Node.count(db, "SELECT COUNT(*) FROM ledger_entry WHERE type = 'registry.firearm-manufactured'"))
				.isEqualTo(firearms);
		}
	}

	@Test
	void anImportKilledHalfwayResumesExactlyWhenRunAgain() throws Exception {
		Path file = Path.of(database.get("armstrace.home").toString(), "legacy.csv");
		try (Node job = new Node(database, "generate").start("generate-legacy-csv", "--rows=50000", "--out=" + file,
				"--bad-every=1000", "--seed=3")) {
			assertThat(job.awaitExit()).isZero();
		}
		try (Node job = new Node(database, "import-killed").start("import", file.toString())) {
			// a fifth of the file read: two of its ten batches of 5,000 rows are
			// committed
			job.awaitOutput(Pattern.compile("Importing +[2-9]\\d%"), Duration.ofSeconds(180));
			job.kill();
		}
		try (Node job = new Node(database, "import-again").start("import", file.toString())) {
			job.awaitExit();
			Matcher report = Pattern
				.compile("([\\d,]+) rows: ([\\d,]+) imported, ([\\d,]+) already imported, " + "([\\d,]+) rejected")
				.matcher(job.logText());
			assertThat(report.find()).as(job.logText()).isTrue();
			long rows = number(report.group(1));
			long imported = number(report.group(2));
			long already = number(report.group(3));
			long rejected = number(report.group(4));
			assertThat(rows).isEqualTo(50_000);
			assertThat(already).as("rows the killed import had committed").isPositive();
			assertThat(imported).as("rows left for the second run").isPositive();
			try (Connection db = job.database()) {
				assertThat(Node.count(db, "SELECT COUNT(*) FROM firearm WHERE legacy_reference IS NOT NULL"))
					.isEqualTo(rows - rejected);
				assertThat(Node.count(db,
						"SELECT COUNT(*) FROM (SELECT legacy_reference FROM firearm WHERE "
								+ "legacy_reference IS NOT NULL GROUP BY legacy_reference HAVING COUNT(*) > 1) d"))
					.isZero();
			}
			assertThat(imported + already).isEqualTo(rows - rejected);
		}
	}

	private void register(Node node, String token, int writer, AtomicBoolean killed,
			Map<String, Acknowledged> acknowledged) {
		for (int n = 0; !killed.get(); n++) {
			String key = "kill-" + writer + "-" + n;
			String body = firearm("KN" + writer + "X" + String.format("%06d", n));
			try {
				HttpResponse<String> response = http.send(node.postRequest(token, "/api/v1/firearms", body, key),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 201) {
					acknowledged.put(key, new Acknowledged(body, JSON.readTree(response.body()).path("id").asString()));
				}
			}
			catch (IOException gone) {
				return;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private static String firearm(String serial) {
		return """
				{"type":"PISTOL","make":"Glock","model":"17","calibre":"9x19mm","serial":"%s",
				 "countryOfManufacture":"AUT","year":2015}""".formatted(serial);
	}

	private static long number(String text) {
		return Long.parseLong(text.replace(",", ""));
	}

}
