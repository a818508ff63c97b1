package org.armstrace.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.armstrace.Api;
import org.armstrace.DatabaseTest;
import org.armstrace.TestUsers;
import org.armstrace.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.TestPropertySource;

/**
 * Past the documented wait, a writer is told the ledger is busy: 503 with Retry-After,
 * and nothing is written.
 */
@DatabaseTest
@TestPropertySource(properties = "armstrace.ledger.append-wait=500ms")
class BusyLedgerTests {

	@LocalServerPort
	int port;

	@Autowired
	CommandKernel kernel;

	@Autowired
	TestUsers testUsers;

	@Test
	void aCommandThatWaitsLongerThanTheBoundIsAnsweredBusyWithRetryAfter() throws Exception {
		String token = testUsers.token(Role.REGISTRAR);
		CountDownLatch holding = new CountDownLatch(1);
		CompletableFuture<CommandResult> first = WritersTakeTurnsTests.holdTheLedger(kernel, Duration.ofSeconds(3),
				holding);
		assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

		HttpResponse<String> busy = new Api(port).post("/api/v1/holders", token,
				"{\"role\": \"DEALER\", \"name\": \"Synthetic Busy\", \"country\": \"AUT\"}");

		assertThat(busy.statusCode()).isEqualTo(503);
		assertThat(busy.headers().firstValue("Retry-After")).hasValue("5");
		assertThat(busy.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
		assertThat(first.get(10, TimeUnit.SECONDS)).isInstanceOf(CommandResult.Accepted.class);
	}

}
