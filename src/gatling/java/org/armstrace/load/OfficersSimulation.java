package org.armstrace.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.csv;
import static io.gatling.javaapi.core.CoreDsl.details;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.rampConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * Officers at work on one running ArmsTrace: a mix of searches, record pages with their
 * ledger proofs, traces from damaged markings, transfers, seizures and registrations, by
 * a constant number of concurrent users. Configuration (system properties): {@code base}
 * (http://localhost:18080), {@code token} (an API token of an ADMIN, who may do all of
 * it), {@code firearms} (a CSV file {@code id,serial,make} of registered firearms),
 * {@code seizable} and {@code transferable} (the same for firearms this run may seize,
 * or transfer, each once; disjoint, and not transferred before), {@code holders}
 * (a CSV file {@code id} of State agencies a firearm may be transferred to),
 * {@code users} (200), {@code seconds} (180, after 30 s of ramp-up). How to prepare and run it:
 * docs/benchmarks.md#officers-at-work-load-test.
 */
public class OfficersSimulation extends Simulation {

	private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L);

	private final HttpProtocolBuilder protocol = http.baseUrl(System.getProperty("base", "http://localhost:18080"))
		.authorizationHeader("Bearer " + System.getProperty("token"))
		.acceptHeader("application/json")
		.contentTypeHeader("application/json")
		.shareConnections();

	private final FeederBuilder<String> firearms = csv(System.getProperty("firearms")).random();

	private final FeederBuilder<String> seizable = csv(System.getProperty("seizable")).queue();

	/** Each transferred once: to the holder that holds it already, a transfer is refused. */
	private final FeederBuilder<String> transferable = csv(System.getProperty("transferable")).queue();

	private final FeederBuilder<String> holders = csv(System.getProperty("holders")).random();

	/** By the start of a serial, as an officer types it from a paper. */
	private final ChainBuilder search = feed(firearms)
		.exec(http("search").get("/api/v1/firearms").queryParam("serial", "#{serial}").check(status().is(200)));

	/**
	 * The record with its timeline, each fact with its inclusion proof in the latest
	 * signed head, checked against the ledger.
	 */
	private final ChainBuilder record = feed(firearms)
		.exec(http("record").get("/api/v1/firearms/#{id}").check(status().is(200), jsonPath("$.timeline[0].proof")));

	/** Markings read from a worn firearm: one character of the serial unreadable. */
	private final ChainBuilder trace = feed(firearms)
		.exec(session -> session.set("worn", worn(session.getString("serial"))))
		.exec(http("trace").post("/api/v1/trace/search?limit=10")
			.body(StringBody("{\"serial\":\"#{worn}\",\"make\":\"#{make}\"}"))
			.check(status().is(200)));

	private final ChainBuilder transfer = feed(transferable).feed(holders)
		.exec(http("transfer").post("/api/v1/firearms/#{id}/transfers")
			.body(StringBody("{\"toHolderId\":\"#{holder}\"}"))
			.check(status().in(200, 201)));

	private final ChainBuilder seizure = feed(seizable)
		.exec(http("seizure").post("/api/v1/firearms/#{id}/seizures")
			.body(StringBody("{\"authority\":\"Police\",\"caseReference\":\"LOAD-#{id}\"}"))
			.check(status().in(200, 201)));

	private final ChainBuilder registration = exec(session -> session.set("new", "LT" + SERIALS.incrementAndGet()))
		.exec(http("registration").post("/api/v1/firearms")
			.body(StringBody("{\"type\":\"PISTOL\",\"make\":\"Glock\",\"model\":\"17\",\"calibre\":\"9x19mm\","
					+ "\"serial\":\"#{new}\",\"countryOfManufacture\":\"AUT\",\"year\":2020}"))
			.check(status().is(201)));

	/** Mostly reads, as a registry is used: 85% reads, 15% writes. */
	private final ScenarioBuilder officers = scenario("officers").forever()
		.on(randomSwitch().on(percent(35.0).then(search), percent(25.0).then(record), percent(25.0).then(trace),
				percent(6.0).then(transfer), percent(4.0).then(seizure), percent(5.0).then(registration))
			.pause(Duration.ofMillis(100), Duration.ofMillis(500)));

	{
		int users = Integer.getInteger("users", 200);
		Duration run = Duration.ofSeconds(Integer.getInteger("seconds", 180));
		setUp(officers.injectClosed(rampConcurrentUsers(0).to(users).during(Duration.ofSeconds(30)),
				constantConcurrentUsers(users).during(run)))
			.protocols(protocol)
			.maxDuration(run.plusSeconds(30))
			.assertions(global().failedRequests().count().is(0L), details("search").responseTime().percentile(95).lte(100),
					details("record").responseTime().percentile(95).lte(100),
					details("trace").responseTime().percentile(95).lte(150),
					details("registration").responseTime().percentile(95).lte(200));
	}

	/** The serial with its middle character unreadable ({@code ?}). */
	static String worn(String serial) {
		int middle = serial.length() / 2;
		return serial.substring(0, middle) + "?" + serial.substring(middle + 1);
	}

}
