package org.armstrace.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.armstrace.identity.AccessLog;
import org.armstrace.ledger.SigningLeadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers the outbox: each message POSTed to its recipient's inbox until the recipient
 * takes it (2xx; a message it already has counts as taken), with retries that back off
 * from 2 seconds to an hour. One instance delivers: the one that signs checkpoints.
 */
@Component
class Outbox {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	static final String INBOX = "/api/v1/exchange/inbox";

	private static final int BATCH = 50;

	private static final Duration LONGEST_WAIT = Duration.ofHours(1);

	record Pending(String id, String recipient, String envelope, int attempts) {
	}

	/** A message's delivery state, for the peers' page and the tests. */
	record Delivery(String id, String recipient, int attempts, Instant deliveredAt, String lastError) {
	}

	private final JdbcClient jdbc;

	private final Exchange exchange;

	private final SigningLeadership leadership;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final AccessLog accessLog;

	Outbox(JdbcClient jdbc, Exchange exchange, SigningLeadership leadership, AccessLog accessLog) {
		this.accessLog = accessLog;
		this.jdbc = jdbc;
		this.exchange = exchange;
		this.leadership = leadership;
	}

	@Scheduled(initialDelay = 2_000, fixedDelayString = "${armstrace.exchange.deliver-every:2s}")
	void deliverWhenDue() {
		if (exchange.country().isEmpty() || !leadership.leads()) {
			return;
		}
		try {
			deliverDue();
		}
		catch (RuntimeException e) {
			log.warn("Could not deliver the exchange outbox: {}", e.getMessage());
		}
	}

	/** Delivers every message due now; returns how many were taken. */
	int deliverDue() {
		List<Pending> due = jdbc
			.sql("SELECT id, recipient, envelope, attempts FROM exchange_outbox WHERE delivered_at IS NULL "
					+ "AND next_attempt_at <= ? ORDER BY created_at FETCH FIRST " + BATCH + " ROWS ONLY")
			.param(Instant.now().atOffset(ZoneOffset.UTC))
			.query((rs, n) -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.list();
		int taken = 0;
		for (Pending message : due) {
			Optional<String> error = deliver(message);
			Instant now = Instant.now();
			if (error.isEmpty()) {
				jdbc.sql("UPDATE exchange_outbox SET delivered_at = ?, attempts = attempts + 1, last_error = NULL "
						+ "WHERE id = ?")
					.params(now.atOffset(ZoneOffset.UTC), message.id())
					.update();
				taken++;
				// what another State now holds: a foreign disclosure, in the access log
				accessLog.record(null, AccessLog.Action.EXPORT, "exchange message delivered",
						message.recipient() + " "
								+ jdbc.sql("SELECT message_type FROM exchange_message WHERE id = ?")
									.param(message.id())
									.query(String.class)
									.optional()
									.orElse("")
								+ " " + message.id(),
						"international exchange", 1);
			}
			else {
				Duration wait = backoff(message.attempts() + 1);
				jdbc.sql("UPDATE exchange_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
						+ "WHERE id = ?")
					.params(now.plus(wait).atOffset(ZoneOffset.UTC), truncate(error.get()), message.id())
					.update();
			}
		}
		return taken;
	}

	/** 2 s, 4 s, 8 s … at most an hour. */
	static Duration backoff(int attempts) {
		long seconds = 1L << Math.min(attempts, 12);
		Duration wait = Duration.ofSeconds(seconds);
		return wait.compareTo(LONGEST_WAIT) > 0 ? LONGEST_WAIT : wait;
	}

	List<Delivery> deliveries(int limit) {
		return jdbc.sql(
				"SELECT id, recipient, attempts, delivered_at, last_error FROM exchange_outbox ORDER BY created_at DESC "
						+ "FETCH FIRST " + Math.max(1, limit) + " ROWS ONLY")
			.query((rs, n) -> new Delivery(rs.getString(1), rs.getString(2), rs.getInt(3),
					rs.getObject(4) == null ? null : rs.getTimestamp(4).toInstant(), rs.getString(5)))
			.list();
	}

	private Optional<String> deliver(Pending message) {
		Optional<Exchange.Peer> peer = exchange.peer(message.recipient());
		if (peer.isEmpty()) {
			return Optional.of("no peer " + message.recipient());
		}
		try {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(peer.get().baseUrl() + INBOX))
				.timeout(Duration.ofSeconds(20))
				.header("Content-Type", "application/jose")
				.POST(HttpRequest.BodyPublishers.ofString(message.envelope()))
				.build(), HttpResponse.BodyHandlers.ofString());
			return answer.statusCode() / 100 == 2 ? Optional.empty()
					: Optional.of(answer.statusCode() + " " + answer.body());
		}
		catch (IOException e) {
			return Optional.of(e.getClass().getSimpleName() + ": " + e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return Optional.of("interrupted");
		}
	}

	private static String truncate(String text) {
		return text.length() > 500 ? text.substring(0, 500) : text;
	}

}
