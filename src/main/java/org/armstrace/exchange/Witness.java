package org.armstrace.exchange;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.armstrace.command.CommandKernel;
import org.armstrace.command.Decision;
import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.NodeSignatures;
import org.armstrace.ledger.PeerLogs;
import org.armstrace.ledger.SignedCheckpoint;
import org.armstrace.ledger.SigningLeadership;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Each node witnesses its peers' ledgers: it fetches a peer's signed checkpoint, checks
 * it extends the one it last accepted (a consistency proof), and cosigns it (C2SP
 * tlog-cosignature), sending the cosignature back to the peer, which serves it beside its
 * checkpoint. A peer whose log went back (fewer entries) or forked (another tree, or one
 * the proof does not join) is flagged on the ledger and its messages are held.
 */
@Component
class Witness {

	private static final Logger log = LoggerFactory.getLogger(Witness.class);

	static final String COSIGNATURES = "/api/v1/exchange/cosignatures";

	/** What this node knows of a peer's log. */
	record Status(String peer, Long treeSize, Instant checkedAt, String lastError, String inconsistent) {
	}

	private final Exchange exchange;

	private final CommandKernel.Commands<ExchangeEvent> commands;

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final NodeSignatures signatures;

	private final Ledger ledger;

	private final SigningLeadership leadership;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	Witness(Exchange exchange, CommandKernel kernel, ExchangeProjection projection, JdbcClient jdbc, JsonMapper json,
			NodeSignatures signatures, Ledger ledger, SigningLeadership leadership) {
		this.exchange = exchange;
		this.commands = kernel.commandsFor(projection);
		this.jdbc = jdbc;
		this.json = json;
		this.signatures = signatures;
		this.ledger = ledger;
		this.leadership = leadership;
	}

	@Scheduled(initialDelayString = "${armstrace.exchange.witness-every:5m}",
			fixedDelayString = "${armstrace.exchange.witness-every:5m}")
	void witnessWhenDue() {
		if (exchange.country().isEmpty() || !leadership.leads()) {
			return;
		}
		try {
			witnessAll();
		}
		catch (RuntimeException e) {
			log.warn("Could not witness the peers' ledgers: {}", e.getMessage());
		}
	}

	/** Witnesses every peer now; returns what is known of each. */
	List<Status> witnessAll() {
		for (Exchange.Peer peer : exchange.peers()) {
			if (peer.inconsistent() == null) {
				witness(peer);
			}
		}
		return statuses();
	}

	private void witness(Exchange.Peer peer) {
		String note;
		PeerLogs.Head checkpoint;
		try {
			note = get(peer.baseUrl() + "/api/v1/ledger/checkpoint");
			checkpoint = PeerLogs.verifiedHead(note, peer.verifierKey());
		}
		catch (IOException | RuntimeException e) {
			error(peer.country(), e.getClass().getSimpleName() + ": " + e.getMessage());
			return;
		}
		Optional<Accepted> accepted = accepted(peer.country());
		if (accepted.isPresent()) {
			Accepted before = accepted.get();
			String problem = null;
			if (checkpoint.size() < before.size()) {
				problem = "rolled back from " + before.size() + " to " + checkpoint.size() + " entries";
			}
			else if (checkpoint.size() == before.size()) {
				if (!Base64.getEncoder().encodeToString(checkpoint.rootHash()).equals(before.root())) {
					problem = "another tree of " + before.size() + " entries than the one accepted";
				}
			}
			else if (before.size() > 0) {
				try {
					JsonNode proof = json.readTree(get(peer.baseUrl() + "/api/v1/ledger/proofs/consistency?from="
							+ before.size() + "&to=" + checkpoint.size()));
					List<byte[]> hashes = new ArrayList<>();
					proof.path("proof").forEach(h -> hashes.add(Base64.getDecoder().decode(h.asString())));
					if (!PeerLogs.consistent(before.size(), checkpoint.size(), hashes,
							Base64.getDecoder().decode(before.root()), checkpoint.rootHash())) {
						problem = "the tree of " + checkpoint.size() + " entries does not extend the " + before.size()
								+ " accepted";
					}
				}
				catch (IOException | RuntimeException e) {
					if (e.getMessage() != null && e.getMessage().matches("(400|404|422) .*")) {
						problem = "no proof that the tree of " + checkpoint.size() + " entries extends the "
								+ before.size() + " accepted (" + e.getMessage() + ")";
					}
					else {
						error(peer.country(), e.getClass().getSimpleName() + ": " + e.getMessage());
						return;
					}
				}
			}
			if (problem != null) {
				flag(peer.country(), problem, before, note);
				return;
			}
		}
		accept(peer.country(), checkpoint, note);
		cosign(peer, checkpoint);
	}

	private void flag(String country, String problem, Accepted before, String note) {
		log.warn("The ledger of peer {} is inconsistent: {}; its messages are held", country, problem);
		commands.run("flag-inconsistent-peer", "system:witness", null,
				() -> Decision.record(null, new ExchangeEvent.PeerLedgerInconsistent(country, problem, before.size(),
						before.root(), note.length() > 2_000 ? note.substring(0, 2_000) : note)));
	}

	private void accept(String country, PeerLogs.Head checkpoint, String note) {
		var now = Instant.now().atOffset(ZoneOffset.UTC);
		String root = Base64.getEncoder().encodeToString(checkpoint.rootHash());
		int updated = jdbc
			.sql("UPDATE witness_state SET tree_size = ?, root_hash = ?, checkpoint = ?, checked_at = ?, "
					+ "last_error = NULL WHERE peer = ?")
			.params(checkpoint.size(), root, note, now, country)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO witness_state (peer, tree_size, root_hash, checkpoint, checked_at) "
					+ "VALUES (?, ?, ?, ?, ?)")
				.params(country, checkpoint.size(), root, note, now)
				.update();
		}
	}

	/** Cosigns what was accepted and gives the cosignature to the peer to serve. */
	private void cosign(Exchange.Peer peer, PeerLogs.Head checkpoint) {
		String line = signatures.cosign(checkpoint.body());
		String body = json.createObjectNode()
			.put("witness", exchange.country().orElseThrow())
			.put("treeSize", checkpoint.size())
			.put("cosignature", line)
			.toString();
		try {
			HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(peer.baseUrl() + COSIGNATURES))
				.timeout(Duration.ofSeconds(20))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(body))
				.build(), HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() / 100 != 2) {
				log.info("Peer {} did not take this node's cosignature: {} {}", peer.country(), answer.statusCode(),
						answer.body());
			}
		}
		catch (IOException e) {
			log.info("Could not give peer {} its cosignature: {}", peer.country(), e.getMessage());
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Takes a peer's cosignature of one of this node's checkpoints: kept when the peer is
	 * trusted and the cosignature verifies over a checkpoint this node signed.
	 */
	boolean takeCosignature(String witness, long treeSize, String line) {
		Optional<Exchange.Peer> peer = witness == null ? Optional.empty() : exchange.peer(witness);
		Optional<SignedCheckpoint> signed = ledger.checkpoint(treeSize);
		if (peer.isEmpty() || signed.isEmpty() || line == null || line.length() > 400) {
			return false;
		}
		String note = signed.get().note();
		String body = note.substring(0, note.indexOf("\n\n") + 1);
		if (!PeerLogs.cosignatureVerifies(line, peer.get().verifierKey(), body)) {
			return false;
		}
		jdbc.sql("DELETE FROM ledger_cosignature WHERE witness = ? AND tree_size = ?")
			.params(witness, treeSize)
			.update();
		jdbc.sql("INSERT INTO ledger_cosignature (witness, tree_size, line, received_at) VALUES (?, ?, ?, ?)")
			.params(witness, treeSize, line, Instant.now().atOffset(ZoneOffset.UTC))
			.update();
		return true;
	}

	/**
	 * This node's latest checkpoint with the cosignatures its peers made of it, as one
	 * signed note.
	 */
	Optional<String> cosignedCheckpoint() {
		return ledger.latestCheckpoint().map(c -> {
			List<String> lines = jdbc.sql("SELECT line FROM ledger_cosignature WHERE tree_size = ? ORDER BY witness")
				.param(c.treeSize())
				.query(String.class)
				.list();
			StringBuilder note = new StringBuilder(c.note());
			lines.forEach(line -> note.append(line).append('\n'));
			return note.toString();
		});
	}

	List<Status> statuses() {
		return jdbc
			.sql("SELECT p.country, w.tree_size, w.checked_at, w.last_error, p.inconsistent FROM exchange_peer p "
					+ "LEFT JOIN witness_state w ON w.peer = p.country ORDER BY p.country")
			.query((rs, n) -> new Status(rs.getString(1), rs.getObject(2) == null ? null : rs.getLong(2),
					rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant(), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	private record Accepted(long size, String root) {
	}

	private Optional<Accepted> accepted(String country) {
		return jdbc.sql("SELECT tree_size, root_hash FROM witness_state WHERE peer = ?")
			.param(country)
			.query((rs, n) -> new Accepted(rs.getLong(1), rs.getString(2)))
			.optional();
	}

	private void error(String country, String error) {
		String text = error.length() > 500 ? error.substring(0, 500) : error;
		jdbc.sql("UPDATE witness_state SET last_error = ? WHERE peer = ?").params(text, country).update();
		log.info("Could not witness peer {}: {}", country, text);
	}

	private String get(String url) throws IOException {
		try {
			HttpResponse<String> answer = http.send(
					HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(20)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			if (answer.statusCode() != 200) {
				throw new IOException(answer.statusCode() + " from " + url);
			}
			return answer.body();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted", e);
		}
	}

}
