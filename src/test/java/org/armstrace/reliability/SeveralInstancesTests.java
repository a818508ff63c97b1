package org.armstrace.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.armstrace.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several instances on one database. On PostgreSQL: three instances take writes at once
 * and keep one gap-free ledger; exactly one signs checkpoints, and when it is killed
 * another takes over; every acknowledged command is there once and the ledger verifies.
 * On the embedded H2 database, which serves one instance, a second one is refused with a
 * clear error rather than sharing the file.
 */
@Tag(TestDatabase.TAG)
@ExtendWith(TestDatabase.Availability.class)
@NodeProcesses
class SeveralInstancesTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	Map<String, Object> database;

	@BeforeEach
	void oneDatabase() {
		database = new HashMap<>(TestDatabase.newDatabase());
		database.put("armstrace.ledger.checkpoint-every", "2s");
		if (!TestDatabase.postgresql()) {
			database.keySet().removeIf(key -> key.startsWith("spring.datasource."));
		}
	}

	@AfterEach
	void dropIt() {
		TestDatabase.drop(database);
	}

	@Test
	void threeInstancesKeepOneLedgerAndTheSignerIsHandedOverWhenItDies() throws Exception {
		if (!TestDatabase.postgresql()) {
			theEmbeddedDatabaseServesOneInstance();
			return;
		}
		Map<String, String> acknowledged = new ConcurrentHashMap<>();
		List<Node> nodes = new ArrayList<>();
		try {
			Node first = new Node(database, "instance-1").start("demo", "--size=10");
			nodes.add(first);
			String token = first.awaitUp().demoToken();
			first.awaitOutput("Demo seizures: ", Duration.ofSeconds(120));
			nodes.add(new Node(database, "instance-2").start("serve"));
			// the third logs as JSON lines (Elastic Common Schema), as a log collector
			// reads them
			Map<String, Object> structured = new HashMap<>(database);
			structured.put("logging.structured.format.console", "ecs");
			nodes.add(new Node(structured, "instance-3").start("serve"));
			for (Node node : nodes) {
				node.awaitUp();
			}
			assertThat(nodes.get(2).logText().lines().filter(line -> line.startsWith("{\"@timestamp\""))).isNotEmpty();
			List<Node> leaders = nodes.stream().filter(n -> signs(n, token)).toList();
			assertThat(leaders).as("instances signing checkpoints").hasSize(1);

			AtomicBoolean stop = new AtomicBoolean();
			ExecutorService writers = Executors.newFixedThreadPool(6);
			for (int w = 0; w < 6; w++) {
				int writer = w;
				Node node = nodes.get(w % 3);
				writers.submit(() -> register(node, token, writer, stop, acknowledged));
			}
			Thread.sleep(6_000);
			Node leader = leaders.getFirst();
			leader.kill();
			Thread.sleep(6_000);
			stop.set(true);
			writers.shutdown();
			assertThat(writers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();

			List<Node> survivors = nodes.stream().filter(n -> n != leader).toList();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			List<Node> newLeaders = List.of();
			while (newLeaders.isEmpty() && System.nanoTime() < deadline) {
				Thread.sleep(500);
				newLeaders = survivors.stream().filter(n -> signs(n, token)).toList();
			}
			assertThat(newLeaders).as("a surviving instance took over the signing").hasSize(1);
			Node survivor = survivors.getFirst();
			// the new signer signs the whole ledger, the writes after the kill included
			long size = head(survivor, token).path("components").path("ledger").path("details").path("size").asLong();
			deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
			while (head(survivor, token).path("components")
				.path("ledger")
				.path("details")
				.path("latestHeadSize")
				.asLong() < size && System.nanoTime() < deadline) {
				Thread.sleep(500);
			}
			assertThat(head(survivor, token).path("components")
				.path("ledger")
				.path("details")
				.path("latestHeadSize")
				.asLong()).isGreaterThanOrEqualTo(size);
			HttpResponse<String> verified = survivor.post(token, "/api/v1/ledger/verify", "{}", null);
			assertThat(verified.statusCode()).as(verified.body()).isEqualTo(200);

			assertThat(acknowledged).as("registrations acknowledged across the instances").hasSizeGreaterThan(60);
			for (String id : acknowledged.values()) {
				assertThat(survivor.get(token, "/api/v1/firearms/" + id).statusCode()).isEqualTo(200);
			}
		}
		finally {
			for (Node node : nodes) {
				node.close();
			}
		}
		try (Connection db = new Node(database, "check").database()) {
			assertThat(Node.count(db, "SELECT COUNT(*) FROM ledger_entry"))
				.as("one gap-free ledger: entries numbered 0 .. n-1")
				.isEqualTo(Node.count(db, "SELECT MAX(seq) + 1 FROM ledger_entry"));
			assertThat(
					Node.count(db,
							"SELECT COUNT(*) FROM (SELECT serial FROM firearm WHERE serial LIKE 'MI%' "
									+ "GROUP BY serial HAVING COUNT(*) > 1) d"))
				.as("serials registered twice")
				.isZero();
			assertThat(Node.count(db, "SELECT COUNT(*) FROM firearm WHERE serial LIKE 'MI%'"))
				.isGreaterThanOrEqualTo(acknowledged.size());
		}
	}

	private void theEmbeddedDatabaseServesOneInstance() throws Exception {
		try (Node first = new Node(database, "instance-1").start("serve")) {
			first.awaitUp();
			try (Node second = new Node(database, "instance-2").start("serve")) {
				assertThat(second.awaitExit()).as("a second instance on the same H2 file").isNotZero();
				assertThat(second.logText()).containsIgnoringCase("already in use");
			}
			assertThat(first.awaitUp()).as("the first instance still serves").isNotNull();
		}
	}

	private void register(Node node, String token, int writer, AtomicBoolean stop, Map<String, String> acknowledged) {
		for (int n = 0; !stop.get(); n++) {
			String key = "instances-" + writer + "-" + n;
			String body = """
					{"type":"PISTOL","make":"Glock","model":"17","calibre":"9x19mm","serial":"MI%dX%06d",
					 "countryOfManufacture":"AUT","year":2015}""".formatted(writer, n);
			try {
				HttpResponse<String> response = http.send(node.postRequest(token, "/api/v1/firearms", body, key),
						HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 201) {
					acknowledged.put(key, JSON.readTree(response.body()).path("id").asString());
				}
			}
			catch (IOException gone) {
				// this writer's instance was killed
				return;
			}
			catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private boolean signs(Node node, String token) {
		return head(node, token).path("components").path("ledger").path("details").path("signsCheckpoints").asBoolean();
	}

	private JsonNode head(Node node, String token) {
		return JSON.readTree(node.get(token, "/actuator/health").body());
	}

}
