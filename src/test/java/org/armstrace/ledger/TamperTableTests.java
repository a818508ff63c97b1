package org.armstrace.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Stream;

import org.armstrace.DatabaseTest;
import org.armstrace.command.CommandResult;
import org.armstrace.ledger.merkle.TreeHasher;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmType;
import org.armstrace.registry.Marking;
import org.armstrace.registry.MarkingKind;
import org.armstrace.registry.RegistryQueries;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Every kind of tamper an auditor tries on a copy of a node, as data: what is changed,
 * and what {@code verify} (with a saved head where a witness holds one) and the
 * projection check must then say, and where. A registry of twelve firearms, one of them
 * stolen, under a signed head; a fresh database for every row of the table.
 */
@DatabaseTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@TestPropertySource(properties = "armstrace.test.context=tamper-table")
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_EACH_TEST_METHOD)
class TamperTableTests {

	/**
	 * What a tamper must give: verify's outcome (failing at {@code failsAt} and naming
	 * {@code failure}), or, where verify alone cannot see it, the witness's or the
	 * projection check's.
	 */
	record Expected(boolean verifyOk, Long failsAt, String failure, String withSavedHead, String drift) {

		static Expected failsAt(long seq, String failure) {
			return new Expected(false, seq, failure, null, null);
		}

		static Expected onlyWithSavedHead(String failure) {
			return new Expected(true, null, null, failure, null);
		}

		static Expected driftNamed(String drift) {
			return new Expected(true, null, null, null, drift);
		}

	}

	record Tamper(String kind, Function<TamperTableTests, Object> change, Expected expected) {

		@Override
		public String toString() {
			return kind;
		}

	}

	static Stream<Tamper> tampers() {
		return Stream.of(new Tamper("one payload byte", t -> t.flipByte(5), Expected.failsAt(5, "altered")),
				new Tamper("payload and its recomputed leaf hash", t -> t.rewrite(5, "SER", "FOR"),
						Expected.failsAt(5, "interior node at level 1 ending at entry 5")),
				new Tamper("bytes that are not JSON with a recomputed leaf hash",
						t -> t.replaceBytes(6, "{not json".getBytes(StandardCharsets.UTF_8)),
						Expected.failsAt(6, "not JSON")),
				new Tamper("recorded_at column",
						t -> t.run("UPDATE ledger_entry SET recorded_at = "
								+ "TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00' WHERE seq = 7"),
						Expected.failsAt(7, "recordedAt (column '2020-01-01T00:00:00Z'")),
				new Tamper("actor column", t -> t.run("UPDATE ledger_entry SET actor = 'user:other' WHERE seq = 8"),
						Expected.failsAt(8, "actor (column 'user:other'")),
				new Tamper("type column",
						t -> t.run("UPDATE ledger_entry SET type = 'registry.firearm-destroyed' WHERE seq = 9"),
						Expected.failsAt(9, "type (column 'registry.firearm-destroyed'")),
				new Tamper("swapped entries", t -> t.swap(2, 3), Expected.failsAt(2, "differ from its hashed bytes")),
				new Tamper("interior node",
						t -> t.run("UPDATE ledger_node SET hash = leaf_hash_of_zero WHERE leaf_seq = 3 AND level = 2"),
						Expected.failsAt(3, "interior node at level 2 ending at entry 3")),
				new Tamper("checkpoint root", t -> t.forgeCheckpointRoot(),
						Expected.failsAt(11, "the head signed at tree size 12 has root")),
				new Tamper("tail cut with its heads", t -> t.cutTailWithHeads(8),
						Expected.onlyWithSavedHead("its tail was cut off")),
				new Tamper("history rewritten with valid hashes and heads re-signed with the node's key",
						t -> t.rewriteHistoryFrom(4), Expected.onlyWithSavedHead("does not extend the saved head")),
				new Tamper("projection column: serial",
						t -> t.run("UPDATE firearm SET serial = 'FORGED000001' WHERE id = '" + t.firearms.getFirst()
								+ "'"),
						Expected.driftNamed("serial: table 'FORGED000001', ledger 'SER000")),
				new Tamper("projection column: status",
						t -> t.run("UPDATE firearm SET status = 'DESTROYED' WHERE id = '" + t.firearms.get(1) + "'"),
						Expected.driftNamed("status: table 'DESTROYED', ledger 'ACTIVE'")),
				new Tamper("projection row removed",
						t -> t.run("DELETE FROM item_marking WHERE item_id = '" + t.firearms.get(2) + "'"),
						Expected.driftNamed("MISSING")));
	}

	@Autowired
	Ledger ledger;

	@Autowired
	LedgerVerification verification;

	@Autowired
	CheckpointSigner signer;

	@Autowired
	ProjectionAudit projections;

	@Autowired
	FirearmCommands commands;

	@Autowired
	RegistryQueries registry;

	@Autowired
	JdbcClient jdbc;

	PrivilegedTamperer tamperer;

	final List<UUID> firearms = new ArrayList<>();

	String savedHead;

	@BeforeEach
	void aRegistryUnderASignedHead() {
		tamperer = new PrivilegedTamperer(jdbc);
		for (int i = 0; i < 12; i++) {
			CommandResult result = commands.register(new FirearmCommands.RegisterFirearm(FirearmType.PISTOL, null,
					"Glock", "17", "9x19mm", "SER" + String.format("%06d", i), "AUT", 2015,
					List.of(new Marking(MarkingKind.PROOF, "PROOF-" + i, "AUT", 2015)), null, null, false, null),
					"user:registrar-1", null);
			firearms.add(((CommandResult.Accepted) result).subjectId());
		}
		savedHead = signer.signNow().note();
		assertThat(verification.verify(null).ok()).isTrue();
		assertThat(projections.check().ok()).as("an untouched node has no drift").isTrue();
		assertThat(registry.firearm(firearms.getFirst()).orElseThrow().agreesWithLedger()).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("tampers")
	void eachTamperIsFoundWhereTheTableSays(Tamper tamper) {
		tamper.change().apply(this);
		Expected expected = tamper.expected();

		VerificationReport alone = verification.verify(null);
		assertThat(alone.ok()).as(alone.summary()).isEqualTo(expected.verifyOk());
		if (!expected.verifyOk()) {
			assertThat(alone.failure()).contains(expected.failure());
			assertThat(alone.firstBadSeq()).isEqualTo(expected.failsAt());
		}
		if (expected.withSavedHead() != null) {
			VerificationReport witnessed = verification.verify(savedHead);
			assertThat(witnessed.ok()).isFalse();
			assertThat(witnessed.failure()).contains(expected.withSavedHead());
		}
		ProjectionReport checked = projections.check();
		assertThat(checked.ok() || checked.failure() != null || checked.driftCount() > 0)
			.as("the projection check reports, whatever the ledger holds")
			.isTrue();
		if (expected.drift() != null) {
			ProjectionReport report = checked;
			assertThat(report.ok()).isFalse();
			assertThat(report.drifts()).extracting(ProjectionReport.Drift::summary)
				.anyMatch(line -> line.contains(expected.drift()));
		}
	}

	@Test
	void aForgedProjectionIsShownOnTheRecordAsDisagreeingNotVerified() {
		UUID forged = firearms.getFirst();
		run("UPDATE firearm SET serial = 'FORGED000001', status = 'DESTROYED' WHERE id = '" + forged + "'");

		RegistryQueries.FirearmView record = registry.firearm(forged).orElseThrow();

		assertThat(record.agreesWithLedger()).isFalse();
		assertThat(record.ledgerDisagreements()).containsExactlyInAnyOrder(
				"serial: shown 'FORGED000001', ledger 'SER000000'", "status: shown 'DESTROYED', ledger 'ACTIVE'");
		assertThat(registry.firearm(firearms.get(1)).orElseThrow().agreesWithLedger()).isTrue();
	}

	@Test
	void aForgedDateIsNeverShownAndTheSavedHeadIsReadAsServed() {
		Instant hashed = ledger.entry(7).orElseThrow().recordedAt();
		run("UPDATE ledger_entry SET recorded_at = TIMESTAMP WITH TIME ZONE '2020-01-01 00:00:00+00' WHERE seq = 7");

		assertThat(ledger.entry(7).orElseThrow().recordedAt()).as("readers see what was hashed").isEqualTo(hashed);
		assertThat(ledger.entriesAbout(firearms.get(7).toString()).getFirst().recordedAt()).isEqualTo(hashed);

		run("UPDATE ledger_entry SET recorded_at = ? WHERE seq = 7", OffsetDateTime.ofInstant(hashed, ZoneOffset.UTC));
		for (String saved : List.of(savedHead + "\n", savedHead + "\n\n", savedHead.replace("\n", "\r\n"),
				"  " + savedHead + "  \n", "{\"treeSize\": 12, \"note\": " + jsonString(savedHead) + "}")) {
			VerificationReport report = verification.verify(saved);
			assertThat(report.ok()).as(report.summary()).isTrue();
			assertThat(report.sinceHeadSize()).isEqualTo(12L);
		}
	}

	// the tampers, done as a database administrator would

	Object run(String sql, Object... params) {
		tamperer
			.run(db -> db.sql(sql.replace("leaf_hash_of_zero", "(SELECT leaf_hash FROM ledger_entry WHERE seq = 0)"))
				.params(List.of(params))
				.update());
		return null;
	}

	Object flipByte(long seq) {
		byte[] entry = ledger.entry(seq).orElseThrow().canonicalJson().clone();
		entry[entry.length / 2] ^= 0x01;
		return run("UPDATE ledger_entry SET entry = ? WHERE seq = " + seq, entry);
	}

	Object rewrite(long seq, String from, String to) {
		byte[] entry = ledger.entry(seq).orElseThrow().json().replace(from, to).getBytes(StandardCharsets.UTF_8);
		return replaceBytes(seq, entry);
	}

	Object replaceBytes(long seq, byte[] entry) {
		return run("UPDATE ledger_entry SET entry = ?, leaf_hash = ? WHERE seq = " + seq, entry,
				TreeHasher.leafHash(entry));
	}

	Object swap(long a, long b) {
		LedgerEntry first = ledger.entry(a).orElseThrow();
		LedgerEntry second = ledger.entry(b).orElseThrow();
		run("UPDATE ledger_entry SET entry = ?, leaf_hash = ? WHERE seq = " + a, second.canonicalJson(),
				second.leafHash());
		return run("UPDATE ledger_entry SET entry = ?, leaf_hash = ? WHERE seq = " + b, first.canonicalJson(),
				first.leafHash());
	}

	Object forgeCheckpointRoot() {
		long size = ledger.latestCheckpoint().orElseThrow().treeSize();
		return run("UPDATE ledger_checkpoint SET root_hash = ? WHERE tree_size = " + size,
				(Object) Base64.getDecoder().decode("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA="));
	}

	Object cutTailWithHeads(long seq) {
		tamperer.run("DELETE FROM ledger_checkpoint WHERE tree_size > " + seq,
				"DELETE FROM ledger_node WHERE leaf_seq >= " + seq, "DELETE FROM ledger_entry WHERE seq >= " + seq);
		return null;
	}

	/**
	 * An attacker with the database and the node's signing key: cuts the log, appends a
	 * forged history with valid hashes and signs it. The log is consistent in itself;
	 * only a head a witness saved earlier shows that history was rewritten.
	 */
	Object rewriteHistoryFrom(long seq) {
		cutTailWithHeads(seq);
		ledger.append("user:registrar-1", TestEvents.items(0, 10));
		return signer.signNow();
	}

	private static String jsonString(String text) {
		return "\"" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r") + "\"";
	}

}
