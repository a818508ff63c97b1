package org.armstrace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.armstrace.command.CommandResult;
import org.armstrace.ledger.LedgerVerification;
import org.armstrace.ledger.VerificationReport;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmStatus;
import org.armstrace.registry.FirearmType;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.registry.RegistryRebuild;
import org.armstrace.seizure.ProtocolStep;
import org.armstrace.seizure.SeizureQueries;
import org.armstrace.seizure.Seizures;
import org.armstrace.tracing.CustodyChain;
import org.armstrace.tracing.TraceRequestQueries;
import org.armstrace.tracing.TraceRequestState;
import org.armstrace.tracing.TraceRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

/**
 * A ledger written by ArmsTrace 0.1.0, before its facts held codes instead of sentences,
 * verifies and rebuilds on this version: every table comes back, and what it said in
 * words reads as it was written.
 */
@DatabaseTest
// a context, and so a database, of its own: the fixture is loaded into an empty ledger
@TestPropertySource(properties = "armstrace.test.context=previous-ledger")
class PreviousLedgerTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LedgerVerification verification;

	@Autowired
	RegistryRebuild registry;

	@Autowired
	RegistryQueries registryQueries;

	@Autowired
	TraceRequests traceRequests;

	@Autowired
	TraceRequestQueries traceQueries;

	@Autowired
	Seizures seizures;

	@Autowired
	SeizureQueries seizureQueries;

	@Autowired
	FirearmCommands firearms;

	@Test
	void aLedgerWrittenByVersion01VerifiesRebuildsAndReadsAsItWasWritten() {
		List<LedgerFixture.Entry> entries = LedgerFixture.read(LedgerFixture.V0_1);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM ledger_entry").query(Long.class).single()).isZero();
		LedgerFixture.load(entries, jdbc);

		VerificationReport verified = verification.verify(null);
		assertThat(verified.ok()).as(verified.summary()).isTrue();
		assertThat(verified.treeSize()).isEqualTo(2_214);

		long registryEvents = entries.stream().filter(e -> e.type().startsWith("registry.")).count();
		assertThat(registry.rebuild()).isEqualTo(registryEvents);
		assertThat(traceRequests.rebuild())
			.isEqualTo(entries.stream().filter(e -> e.type().startsWith("tracing.")).count());
		assertThat(seizures.rebuild()).isEqualTo(entries.stream().filter(e -> e.type().startsWith("seizure.")).count());

		Map<FirearmStatus, Long> byStatus = registryQueries.firearmsByStatus();
		assertThat(byStatus.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(300 + 36);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM seizure").query(Long.class).single()).isEqualTo(60);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM trace_request").query(Long.class).single()).isEqualTo(30);

		// a seized item's protocol, custody and holds, its sentences as version 0.1 wrote
		// them
		SeizureQueries.ItemView item = seizureQueries.item(UUID.fromString("02d5c436-49c0-4786-a45e-e6a9a7d3e6db"))
			.orElseThrow();
		assertThat(item.reference()).isEqualTo("SZ-2025-D000035/1");
		assertThat(item.storageLocation()).isEqualTo("Laboratory annex, cabinet 4");
		assertThat(item.holds()).extracting(SeizureQueries.Hold::caseReference).containsExactly("CR-2026-441");
		assertThat(item.protocol()).extracting(SeizureQueries.Step::step, TestWords::english)
			.containsExactly(
					tuple(ProtocolStep.NATIONAL_REGISTRY_MATCH,
							"no record fits: recorded as a new, unregistered item SZ-2025-D000035/1"),
					tuple(ProtocolStep.LOST_OR_STOLEN_STATUS, "no record matched"),
					tuple(ProtocolStep.TRACE_REQUEST, "not run"),
					tuple(ProtocolStep.INTERNATIONAL_CHECK,
							"exchange with other States and INTERPOL iARMS is not connected: check by hand"),
					tuple(ProtocolStep.BALLISTIC_REFERENCE, "IBIN-511156"));

		// an answer frozen in version 0.1: its chain's facts and flags in the sentences
		// they were answered with
		TraceRequestQueries.TraceRequestView answered = traceQueries
			.find(UUID.fromString("5a42cdf4-6aa3-4023-9278-6b96bebe8512"))
			.orElseThrow();
		assertThat(answered.state()).isEqualTo(TraceRequestState.ANSWERED);
		CustodyChain chain = answered.answer().chain();
		assertThat(TestWords.english(chain.pointOfDiversion()))
			.isEqualTo("reported stolen by dealer b3316298-cf87-4e1d-96c3-44e96328814b");
		assertThat(chain.flags()).extracting(CustodyChain.Flag::kind, TestWords::english)
			.containsExactly(tuple(CustodyChain.FlagKind.LOST_OR_STOLEN,
					"reported stolen on 2015-06-06 (report DEMO-POL-226716), not recovered before it was found"));

		// and the ledger goes on from there
		CommandResult registered = firearms.register(
				new FirearmCommands.RegisterFirearm(FirearmType.PISTOL, null, "Glock", "17", "9x19mm", "FIXTURE-1",
						"AUT", 2020, List.of(), null, null, false, LocalDate.of(2020, 1, 1)),
				"user:test", null);
		assertThat(registered).isInstanceOf(CommandResult.Accepted.class);
		assertThat(verification.verify(null).treeSize()).isEqualTo(2_215);
		assertThat(verification.verify(null).ok()).isTrue();
	}

}
