package org.armstrace;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.GZIPInputStream;

import org.armstrace.ledger.merkle.Frontier;
import org.armstrace.ledger.merkle.TreeHasher;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A ledger written by an earlier version (src/test/resources/ledger-fixtures): its
 * entries as they were hashed, loaded into an empty database as the earlier version
 * stored them, the tree's nodes recomputed.
 */
public final class LedgerFixture {

	/** One entry: its canonical bytes and what the ledger_entry row holds beside them. */
	public record Entry(long seq, UUID eventId, String type, int schemaVersion, Instant recordedAt, String actor,
			String subjectId, byte[] bytes) {

		public JsonNode event(JsonMapper json) {
			return json.readTree(bytes).path("event");
		}

	}

	public static final String V0_1 = "/ledger-fixtures/ledger-0.1.jsonl.gz";

	private LedgerFixture() {
	}

	public static List<Entry> read(String resource) {
		JsonMapper json = JsonMapper.builder().build();
		List<Entry> entries = new ArrayList<>();
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(
				new GZIPInputStream(LedgerFixture.class.getResourceAsStream(resource)), StandardCharsets.UTF_8))) {
			for (String line = lines.readLine(); line != null; line = lines.readLine()) {
				JsonNode entry = json.readTree(line);
				entries.add(new Entry(entry.path("seq").asLong(), UUID.fromString(entry.path("eventId").asString()),
						entry.path("type").asString(), entry.path("schemaVersion").asInt(),
						Instant.parse(entry.path("recordedAt").asString()), entry.path("actor").asString(),
						entry.path("subjectId").isMissingNode() ? null : entry.path("subjectId").asString(),
						line.getBytes(StandardCharsets.UTF_8)));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return entries;
	}

	/** Inserts the entries and the interior nodes of their tree into an empty ledger. */
	public static void load(List<Entry> entries, JdbcClient jdbc) {
		Frontier frontier = Frontier.load(0, (level, index) -> {
			throw new IllegalStateException("an empty tree has no nodes");
		});
		for (Entry e : entries) {
			byte[] leaf = TreeHasher.leafHash(e.bytes());
			jdbc.sql("INSERT INTO ledger_entry (seq, event_id, type, schema_version, recorded_at, actor, subject_id, "
					+ "entry, leaf_hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
				.params(e.seq(), e.eventId(), e.type(), e.schemaVersion(),
						OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC), e.actor(), e.subjectId(), e.bytes(),
						leaf)
				.update();
			frontier.append(leaf,
					(level, index, hash) -> jdbc.sql("INSERT INTO ledger_node (leaf_seq, level, hash) VALUES (?, ?, ?)")
						.params((index + 1) * (1L << level) - 1, level, hash)
						.update());
		}
	}

}
