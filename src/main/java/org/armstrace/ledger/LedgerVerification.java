package org.armstrace.ledger;

import java.security.MessageDigest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;

import org.armstrace.ledger.merkle.Checkpoint;
import org.armstrace.ledger.merkle.Frontier;
import org.armstrace.ledger.merkle.InvalidNoteException;
import org.armstrace.ledger.merkle.InvalidProofException;
import org.armstrace.ledger.merkle.NoteVerifier;
import org.armstrace.ledger.merkle.ProofVerifier;
import org.armstrace.ledger.merkle.Proofs;
import org.armstrace.ledger.merkle.TreeHasher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recomputes the whole ledger from its stored rows: every leaf from its entry's bytes,
 * every interior node, the root at every signed head and each head's signature; names the
 * first thing that does not match. Given a head saved earlier (by a witness, an auditor),
 * it also proves that the current log extends it, which is what catches a tail cut off
 * and re-signed.
 */
@Service
public class LedgerVerification {

	private final EntryStore entries;

	private final CheckpointStore checkpoints;

	private final NodeKey key;

	private final JsonMapper json;

	private final MeterRegistry meters;

	private final TransactionTemplate readOnly;

	LedgerVerification(EntryStore entries, CheckpointStore checkpoints, NodeKey key, JsonMapper json,
			MeterRegistry meters, PlatformTransactionManager transactions) {
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.entries = entries;
		this.checkpoints = checkpoints;
		this.key = key;
		this.json = json;
		this.meters = meters;
	}

	/**
	 * Checks the heads against this node's key.
	 * @param savedHead a signed checkpoint note saved earlier, or {@code null}
	 */
	public VerificationReport verify(String savedHead) {
		return verify(savedHead, key.verifier());
	}

	/**
	 * Checks the heads against another node's public key: the key that signed a ledger
	 * this node took over (a database restored or upgraded without the private key).
	 * @param savedHead a signed checkpoint note saved earlier, or {@code null}
	 * @param verifierKey the public key of the node that signed the heads, as a note
	 * verifier key ({@code name+keyid+base64}, the {@code verifierKey} of
	 * {@code /api/v1/ledger/key})
	 * @throws IllegalArgumentException when the verifier key is not one
	 */
	public VerificationReport verify(String savedHead, String verifierKey) {
		return verify(savedHead, NoteVerifier.fromVerifierKey(verifierKey));
	}

	private VerificationReport verify(String savedHead, NoteVerifier signedBy) {
		// One read-only transaction, opened here rather than by annotation so that the
		// command-line verb gets it
		// too: PostgreSQL streams a result set (instead of loading it whole) only inside
		// a transaction.
		return readOnly.execute(status -> verifyInTransaction(savedHead, signedBy));
	}

	private VerificationReport verifyInTransaction(String savedHead, NoteVerifier signedBy) {
		long started = System.nanoTime();
		Run run = new Run(checkpoints.all(), signedBy);
		try {
			if (savedHead != null) {
				run.savedHead = parseSavedHead(savedHead, signedBy);
			}
			run.checkHeadsAt(0);
			entries.streamEntriesWithNodes(run::row);
			run.finish();
			long orphans = entries.orphanNodeCount(run.frontier.size());
			if (orphans > 0) {
				throw new Mismatch(null, orphans + " interior node(s) cover entries beyond the last one ("
						+ run.frontier.size() + "): entries were removed");
			}
			run.proveSavedHeadExtended();
			return record(new VerificationReport(true, run.frontier.size(), base64(run.frontier.root()),
					run.checkpointsChecked, null, null, run.savedHead == null ? null : run.savedHead.size(),
					millisSince(started)));
		}
		catch (Mismatch m) {
			return record(new VerificationReport(false, run.frontier.size(), null, run.checkpointsChecked, m.seq,
					m.getMessage(), null, millisSince(started)));
		}
		catch (RuntimeException unreadable) {
			// whatever a tampered row holds, verify names it and goes no further: it
			// never fails itself
			Long at = run.currentSeq < 0 ? null : run.currentSeq;
			return record(new VerificationReport(false, run.frontier.size(), null, run.checkpointsChecked, at,
					"the ledger could not be read" + (at == null ? "" : " at entry " + at) + ": "
							+ unreadable.getClass().getSimpleName() + ": " + unreadable.getMessage(),
					null, millisSince(started)));
		}
	}

	private String keyName(NoteVerifier signedBy) {
		return signedBy == key.verifier() ? "this node's key" : "the key given";
	}

	private VerificationReport record(VerificationReport report) {
		Timer.builder("armstrace.ledger.verify")
			.description("Full ledger verifications")
			.tag("result", report.ok() ? "ok" : "failed")
			.register(meters)
			.record(Duration.ofMillis(report.millis()));
		return report;
	}

	private Checkpoint parseSavedHead(String saved, NoteVerifier signedBy) {
		try {
			return Checkpoint.parse(signedBy.verify(asServed(saved)));
		}
		catch (InvalidNoteException | IllegalArgumentException e) {
			throw new Mismatch(null,
					"the saved head is not a checkpoint signed by " + keyName(signedBy) + ": " + e.getMessage());
		}
	}

	/**
	 * The note as {@code /api/v1/ledger/checkpoint} serves it, however it was saved: with
	 * Windows line ends, trailing blank lines or spaces, or as the JSON of a head
	 * ({@code /api/v1/ledger/heads/latest}).
	 */
	String asServed(String saved) {
		String text = saved.strip();
		if (text.startsWith("{")) {
			try {
				text = json.readTree(text).path("note").asString("").strip();
			}
			catch (JacksonException e) {
				throw new Mismatch(null,
						"the saved head is neither a signed note nor a head's JSON: " + e.getMessage());
			}
		}
		return text.replace("\r\n", "\n") + "\n";
	}

	/** The state of one verify pass over the stream of entries and nodes. */
	private final class Run {

		final List<SignedCheckpoint> heads;

		final Frontier frontier = Frontier.empty();

		int nextHead;

		int checkpointsChecked;

		Checkpoint savedHead;

		long currentSeq = -1;

		final List<long[]> expectedNodeKeys = new ArrayList<>();

		final List<byte[]> expectedNodes = new ArrayList<>();

		final NoteVerifier signedBy;

		Run(List<SignedCheckpoint> heads, NoteVerifier signedBy) {
			this.heads = heads;
			this.signedBy = signedBy;
		}

		void row(ResultSet rs) throws SQLException {
			long seq = rs.getLong("seq");
			if (seq != currentSeq) {
				endOfEntry();
				startEntry(seq, rs);
			}
			int level = rs.getInt("level");
			if (!rs.wasNull()) {
				checkStoredNode(seq, level, rs.getBytes("node_hash"));
			}
		}

		private void startEntry(long seq, ResultSet rs) throws SQLException {
			if (seq != frontier.size()) {
				throw new Mismatch(frontier.size(),
						"entry " + frontier.size() + " is missing (next stored is " + seq + ")");
			}
			currentSeq = seq;
			byte[] entry = rs.getBytes("entry");
			byte[] recomputed = TreeHasher.leafHash(entry);
			byte[] stored = rs.getBytes("leaf_hash");
			if (!MessageDigest.isEqual(recomputed, stored)) {
				throw new Mismatch(seq, "the entry's bytes hash to " + base64(recomputed) + " but its stored leaf "
						+ "hash is " + base64(stored) + ": the entry or its hash was altered");
			}
			checkColumnsMatchEntry(seq, entry, rs);
			frontier.append(recomputed, (level, index, hash) -> {
				expectedNodeKeys.add(new long[] { level, index });
				expectedNodes.add(hash);
			});
		}

		private void checkStoredNode(long seq, int level, byte[] stored) {
			int at = -1;
			for (int i = 0; i < expectedNodeKeys.size(); i++) {
				if (expectedNodeKeys.get(i)[0] == level) {
					at = i;
				}
			}
			if (at < 0) {
				throw new Mismatch(seq,
						"a stored interior node at level " + level + " ending at entry " + seq + " should not exist");
			}
			if (!MessageDigest.isEqual(expectedNodes.get(at), stored)) {
				throw new Mismatch(seq, "the stored interior node at level " + level + " ending at entry " + seq
						+ " is " + base64(stored) + ", recomputed " + base64(expectedNodes.get(at)));
			}
			expectedNodeKeys.remove(at);
			expectedNodes.remove(at);
		}

		/**
		 * Every node the entry completed must have been stored; then check heads of this
		 * size.
		 */
		private void endOfEntry() {
			if (currentSeq < 0) {
				return;
			}
			if (!expectedNodeKeys.isEmpty()) {
				throw new Mismatch(currentSeq, "the interior node at level " + expectedNodeKeys.getFirst()[0]
						+ " ending at entry " + currentSeq + " is missing");
			}
			checkHeadsAt(frontier.size());
		}

		void finish() {
			endOfEntry();
			if (nextHead < heads.size()) {
				SignedCheckpoint beyond = heads.get(nextHead);
				throw new Mismatch(frontier.size(), "a head was signed at tree size " + beyond.treeSize()
						+ " but the log holds only " + frontier.size() + " entries: entries were removed");
			}
			if (savedHead != null && savedHead.size() > frontier.size()) {
				throw new Mismatch(frontier.size(), "the log holds " + frontier.size() + " entries, fewer than the "
						+ savedHead.size() + " of the saved head: its tail was cut off");
			}
		}

		void checkHeadsAt(long size) {
			byte[] root = null;
			while (nextHead < heads.size() && heads.get(nextHead).treeSize() == size) {
				root = root == null ? frontier.root() : root;
				checkHead(heads.get(nextHead++), root);
			}
			if (savedHead != null && savedHead.size() == size) {
				root = root == null ? frontier.root() : root;
				if (!Arrays.equals(root, savedHead.rootHash())) {
					throw new Mismatch(size == 0 ? null : size - 1,
							"the log does not extend the saved head: at " + "tree size " + size + " its root is "
									+ base64(root) + ", the saved head says " + base64(savedHead.rootHash()));
				}
			}
		}

		private void checkHead(SignedCheckpoint head, byte[] root) {
			Long lastEntry = head.treeSize() == 0 ? null : head.treeSize() - 1;
			if (!Arrays.equals(root, head.rootHash())) {
				throw new Mismatch(lastEntry,
						"the head signed at tree size " + head.treeSize() + " has root " + head.rootHashBase64()
								+ ", recomputed " + base64(root) + " (an entry at or before " + lastEntry
								+ " differs from what was signed)");
			}
			try {
				Checkpoint signed = Checkpoint.parse(signedBy.verify(head.note()));
				if (signed.size() != head.treeSize() || !Arrays.equals(signed.rootHash(), root)) {
					throw new Mismatch(lastEntry, "the signed note of the head at tree size " + head.treeSize()
							+ " does not say what its row says");
				}
			}
			catch (InvalidNoteException | IllegalArgumentException e) {
				throw new Mismatch(lastEntry, "the head at tree size " + head.treeSize() + " has no valid "
						+ "signature by " + keyName(signedBy) + ": " + e.getMessage());
			}
			checkpointsChecked++;
		}

		/** The witness check done the way a witness does it: with a consistency proof. */
		void proveSavedHeadExtended() {
			if (savedHead == null || savedHead.size() == 0 || heads.isEmpty()) {
				return;
			}
			SignedCheckpoint latest = heads.getLast();
			try {
				ProofVerifier.verifyConsistency(savedHead.size(), latest.treeSize(),
						Proofs.consistency(savedHead.size(), latest.treeSize(), entries.nodeSource()),
						savedHead.rootHash(), latest.rootHash());
			}
			catch (InvalidProofException e) {
				throw new Mismatch(null, "no valid consistency proof from the saved head (size " + savedHead.size()
						+ ") to the latest head (size " + latest.treeSize() + "): " + e.getMessage());
			}
		}

	}

	/**
	 * The columns beside an entry are what queries read: they must say what its hashed
	 * bytes say.
	 */
	private void checkColumnsMatchEntry(long seq, byte[] entry, ResultSet rs) throws SQLException {
		JsonNode parsed;
		try {
			parsed = json.readTree(entry);
		}
		catch (JacksonException e) {
			throw new Mismatch(seq, "the entry's bytes are not JSON (its leaf hash matches them: both were "
					+ "rewritten, or the signed heads after it will not match): " + e.getOriginalMessage());
		}
		if (!parsed.isObject()) {
			throw new Mismatch(seq, "the entry's bytes are JSON but not an entry object");
		}
		List<String> differing = new ArrayList<>();
		String recordedAt = rs.getObject("recorded_at", OffsetDateTime.class).toInstant().toString();
		if (!sameInstant(recordedAt, parsed.path("recordedAt").asString())) {
			differing
				.add("recordedAt (column '" + recordedAt + "', entry '" + parsed.path("recordedAt").asString() + "')");
		}
		Iterator<String[]> pairs = List.of(new String[] { "seq", Long.toString(seq), parsed.path("seq").asString() },
				new String[] { "eventId", rs.getObject("event_id", UUID.class).toString(),
						parsed.path("eventId").asString() },
				new String[] { "type", rs.getString("type"), parsed.path("type").asString() },
				new String[] { "schemaVersion", Integer.toString(rs.getInt("schema_version")),
						parsed.path("schemaVersion").asString() },
				new String[] { "actor", rs.getString("actor"), parsed.path("actor").asString() },
				new String[] { "subjectId", String.valueOf(rs.getString("subject_id")),
						parsed.has("subjectId") ? parsed.path("subjectId").asString() : "null" })
			.iterator();
		while (pairs.hasNext()) {
			String[] pair = pairs.next();
			if (!pair[1].equals(pair[2])) {
				differing.add(pair[0] + " (column '" + pair[1] + "', entry '" + pair[2] + "')");
			}
		}
		if (!differing.isEmpty()) {
			throw new Mismatch(seq, "the columns beside the entry differ from its hashed bytes: " + differing);
		}
	}

	private static boolean sameInstant(String column, String entry) {
		try {
			return Instant.parse(column).equals(Instant.parse(entry));
		}
		catch (DateTimeParseException e) {
			return false;
		}
	}

	/** Thrown to stop the stream at the first mismatch. */
	private static final class Mismatch extends RuntimeException {

		final Long seq;

		Mismatch(Long seq, String message) {
			super(message, null, false, false);
			this.seq = seq;
		}

	}

	private static String base64(byte[] hash) {
		return Base64.getEncoder().encodeToString(hash);
	}

	private static long millisSince(long startedNanos) {
		return (System.nanoTime() - startedNanos) / 1_000_000;
	}

}
