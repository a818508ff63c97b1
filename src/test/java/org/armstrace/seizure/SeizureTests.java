package org.armstrace.seizure;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armstrace.DatabaseTest;
import org.armstrace.TestWords;
import org.armstrace.command.CommandResult;
import org.armstrace.demo.DemoSeizures;
import org.armstrace.ledger.Ledger;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmStatus;
import org.armstrace.registry.FirearmType;
import org.armstrace.registry.HolderCommands;
import org.armstrace.registry.HolderRole;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.tracing.CustodyChain;
import org.armstrace.tracing.ObservedMarkings;
import org.armstrace.tracing.TraceRequestQueries;
import org.armstrace.tracing.TraceRequestState;
import org.armstrace.tracing.TraceRequests;
import org.armstrace.tracing.Tracing;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The recovery protocol, evidence custody, the destruction gate and IAFQ data, on both
 * databases.
 */
@DatabaseTest
class SeizureTests {

	static final String ACTOR = "user:seizure-test";

	static final String APPROVER = "user:seizure-test-approver";

	static final AtomicInteger numbers = new AtomicInteger(100_000 + new Random().nextInt(800_000));

	@Autowired
	Seizures seizures;

	@Autowired
	SeizureQueries queries;

	@Autowired
	FirearmCommands firearms;

	@Autowired
	HolderCommands holders;

	@Autowired
	RegistryQueries registry;

	@Autowired
	TraceRequests traceRequests;

	@Autowired
	TraceRequestQueries traceQueries;

	@Autowired
	EvidenceCustody custody;

	@Autowired
	DestructionGate destruction;

	@Autowired
	Tracing tracing;

	@Autowired
	Ledger ledger;

	@Autowired
	IafqExport iafq;

	@Autowired
	DemoSeizures demo;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSeizureOfARegisteredStolenFirearmRunsTheProtocolStepByStep() {
		UUID owner = ok(holders.register(new HolderCommands.RegisterHolder(HolderRole.PRIVATE_OWNER,
				"Synthetic Owner " + numbers.incrementAndGet(), null, "AUT", null), ACTOR, null));
		String serial = "SZT" + numbers.incrementAndGet();
		UUID pistol = ok(firearms.register(new FirearmCommands.RegisterFirearm(FirearmType.PISTOL, null, "Glock", "19",
				"9x19mm", serial, "AUT", 2017, List.of(), owner, null, false, LocalDate.of(2017, 3, 1)), ACTOR, null));
		ok(firearms.reportStolen(pistol, new FirearmCommands.ReportMissing(owner, "POL-55", LocalDate.of(2021, 6, 1)),
				ACTOR, null));
		tracing.catchUp();

		UUID seizureId = ok(seizures.record(
				seizure(firearm(ObservedMarkings.ofSerial(serial.toLowerCase(), "Glock"), null), ammunition()), ACTOR));

		SeizureQueries.SeizureView view = queries.seizure(seizureId).orElseThrow();
		assertThat(view.reference()).matches("SZ-\\d{4}-\\d{6}");
		assertThat(view.persons()).extracting(SeizureQueries.PersonView::name).containsExactly("Synthetic Suspect");
		SeizureQueries.ItemView item = view.items().getFirst();
		assertThat(item.firearmId()).isEqualTo(pistol);
		Map<ProtocolStep, SeizureQueries.Step> steps = steps(item);
		assertThat(steps.get(ProtocolStep.NATIONAL_REGISTRY_MATCH).state()).isEqualTo(StepState.DONE);
		assertThat(TestWords.english(steps.get(ProtocolStep.NATIONAL_REGISTRY_MATCH)))
			.startsWith("matched to " + registry.recordNumber(pistol).orElseThrow() + ", EXACT");
		assertThat(steps.get(ProtocolStep.LOST_OR_STOLEN_STATUS).state()).isEqualTo(StepState.NEEDS_ATTENTION);
		assertThat(TestWords.english(steps.get(ProtocolStep.LOST_OR_STOLEN_STATUS))).contains("stolen");
		assertThat(steps.get(ProtocolStep.TRACE_REQUEST).state()).isEqualTo(StepState.DONE);
		assertThat(steps.get(ProtocolStep.INTERNATIONAL_CHECK).state()).isEqualTo(StepState.NOT_CONNECTED);
		assertThat(steps.get(ProtocolStep.BALLISTIC_REFERENCE).state()).isEqualTo(StepState.PENDING);
		assertThat(view.items().get(1).kind()).isEqualTo(ItemKind.AMMUNITION);
		assertThat(view.items().get(1).protocol()).isEmpty();

		TraceRequestQueries.TraceRequestView trace = traceQueries
			.find(steps.get(ProtocolStep.TRACE_REQUEST).traceRequestId())
			.orElseThrow();
		assertThat(trace.state()).isEqualTo(TraceRequestState.CONFIRMED);
		assertThat(trace.firearmId()).isEqualTo(pistol);
		assertThat(trace.seizureReference()).isEqualTo(item.reference());
		assertThat(traceQueries.investigationCase(trace.caseReference()).orElseThrow().persons())
			.extracting(TraceRequestQueries.CasePerson::name)
			.containsExactly("Synthetic Suspect");
		assertThat(registry.firearmSummary(pistol).orElseThrow().status()).isEqualTo(FirearmStatus.SEIZED);

		ok(traceRequests.answer(trace.id(), ACTOR));
		assertThat(
				traceQueries.find(trace.id()).orElseThrow().answer().chain().has(CustodyChain.FlagKind.LOST_OR_STOLEN))
			.isTrue();
	}

	@Test
	void destructionIsRefusedWhileTheTraceIsOpenOrAHoldIsActiveWithEveryReasonAndGoesThroughOnceBothAreCleared() {
		UUID seizureId = ok(seizures.record(
				seizure(firearm(ObservedMarkings.ofSerial("ZZ" + numbers.incrementAndGet(), "Baikal"), null)), ACTOR));
		SeizureQueries.ItemView item = queries.seizure(seizureId).orElseThrow().items().getFirst();
		ok(custody.placeHold(item.id(),
				new EvidenceCustody.PlaceHold("COURT-7", "District Court 2", LocalDate.now(), null), ACTOR));
		long before = ledger.size();

		CommandResult refused = destruction.propose(destroy(item.id()), ACTOR);

		assertThat(messages(refused)).hasSize(2)
			.anyMatch(m -> m.contains("trace request") && m.contains("is OPEN"))
			.anyMatch(m -> m.contains("judicial hold for case COURT-7") && m.contains("indefinitely"));
		assertThat(ledger.size()).isEqualTo(before);

		UUID trace = steps(item).get(ProtocolStep.TRACE_REQUEST).traceRequestId();
		ok(traceRequests.unresolved(trace, "markings do not fit any record", ACTOR));
		// unresolved is not enough: the request must be closed as unresolved (or
		// answered)
		assertThat(messages(destroyedWithApproval(destroy(item.id())))).hasSize(2)
			.anyMatch(m -> m.contains("is UNRESOLVED"));
		ok(traceRequests.close(trace, "no record: closed unresolved", ACTOR));
		assertThat(messages(destroyedWithApproval(destroy(item.id())))).hasSize(1)
			.allMatch(m -> m.contains("judicial hold"));
		UUID hold = queries.item(item.id()).orElseThrow().holds().getFirst().id();
		ok(custody.releaseHold(item.id(), new EvidenceCustody.ReleaseHold(hold, LocalDate.now(), "court order 2026/17"),
				ACTOR));

		ok(destroyedWithApproval(destroy(item.id())));

		SeizureQueries.ItemView destroyed = queries.item(item.id()).orElseThrow();
		assertThat(destroyed.custodyStatus()).isEqualTo(CustodyStatus.DESTROYED);
		assertThat(destroyed.destroyedOn()).isEqualTo(LocalDate.now());
		assertThat(messages(destroyedWithApproval(destroy(item.id())))).anyMatch(m -> m.contains("already destroyed"));
	}

	@Test
	void anIsacsExceptionReplacesTheTraceAndBatchDestructionRecordsOneEventPerItem() {
		UUID seizureId = ok(seizures.record(seizure(
				firearm(ObservedMarkings.ofSerial("OLD" + numbers.incrementAndGet(), "Mauser"),
						"ISACS 05.31: made before 1946"),
				firearm(ObservedMarkings.ofSerial("OLD" + numbers.incrementAndGet(), "Mauser"),
						"ISACS 05.31: made before 1946")),
				ACTOR));
		List<UUID> items = queries.seizure(seizureId)
			.orElseThrow()
			.items()
			.stream()
			.map(SeizureQueries.ItemView::id)
			.toList();
		assertThat(steps(queries.item(items.getFirst()).orElseThrow()).get(ProtocolStep.TRACE_REQUEST).state())
			.isEqualTo(StepState.EXCEPTION);
		long before = ledger.size();

		ok(destroyedWithApproval(
				new DestructionGate.DestroyItems(items, "crushing", List.of("Officer A", "Officer B"), null)));

		// the proposal, the approval, and one destruction per item
		assertThat(ledger.size()).isEqualTo(before + 4);
	}

	@Test
	void badInputIsRefusedWithEveryFieldAndRuleAndWritesNothing() {
		long before = ledger.size();
		CommandResult refused = seizures.record(new Seizures.RecordSeizure(LocalDate.now().plusDays(3), "XX", null,
				null, 91.0, null, null, " ", null, null, null, null, List.of(new Seizures.Person("", "ZZZ", null)),
				List.of(new Seizures.Item(ItemKind.AMMUNITION, null, null, null, null, 0L, null, null, null, null, null,
						null, null, null, null, null),
						new Seizures.Item(ItemKind.PART, null, null, null, null, null, null, null, null, null, null,
								null, null, null, null, null))),
				ACTOR);
		assertThat(((CommandResult.Rejected) refused).violations()).extracting(v -> v.field() + ":" + v.rule())
			.containsExactlyInAnyOrder("seizedOn:DateIsNotInTheFuture", "country:CountryIsIso3166Alpha3",
					"placeKind:PlaceKindRequired", "agency:AgencyRequired", "legalBasis:LegalBasisRequired",
					"criminalContext:CriminalContextRequired", "latitude:Coordinates", "persons[0].name:NameRequired",
					"persons[0].role:RoleRequired", "persons[0].nationality:CountryIsIso3166Alpha3",
					"items[0].calibre:CalibreRequired", "items[0].quantity:QuantityIsPositive",
					"items[1].observed:ObservedMarkingsRequired", "items[1].partKind:PartKindRequired");
		assertThat(ledger.size()).isEqualTo(before);
	}

	@Test
	void custodyMovesAndJudicialDeadlinesAreListedAndExported() {
		UUID seizureId = ok(seizures.record(seizure(ammunition()), ACTOR));
		UUID item = queries.seizure(seizureId).orElseThrow().items().getFirst().id();
		String location = "Store " + numbers.incrementAndGet();
		ok(custody.recordCustodyEvent(item, new EvidenceCustody.RecordCustodyEvent(CustodyEventKind.MOVED, location,
				"Officer C", null, "moved for space"), ACTOR));
		ok(custody.placeHold(item, new EvidenceCustody.PlaceHold("COURT-9", "Regional Court",
				LocalDate.now().minusDays(40), LocalDate.now().plusDays(5)), ACTOR));
		UUID late = queries.seizure(ok(seizures.record(seizure(ammunition()), ACTOR)))
			.orElseThrow()
			.items()
			.getFirst()
			.id();
		ok(custody.placeHold(late, new EvidenceCustody.PlaceHold("COURT-10", "Regional Court",
				LocalDate.now().minusDays(40), LocalDate.now().minusDays(1)), ACTOR));

		assertThat(queries.inCustody(location, null, 10)).extracting(SeizureQueries.ItemView::id).containsExactly(item);
		List<SeizureQueries.Deadline> deadlines = queries.deadlines(10);
		assertThat(deadlines).anyMatch(d -> d.itemId().equals(item) && !d.overdue());
		assertThat(deadlines).anyMatch(d -> d.itemId().equals(late) && d.overdue());
		assertThat(queries.deadlines(1)).noneMatch(d -> d.itemId().equals(item));
		assertThat(CustodyCsv.of(queries.inCustody(location, null, 10))).contains(location, "COURT-9 Regional Court");
		assertThat(messages(custody.recordCustodyEvent(item,
				new EvidenceCustody.RecordCustodyEvent(CustodyEventKind.MOVED, " ", null, null, null), ACTOR)))
			.containsExactly("say where the item is stored");
	}

	@Test
	void theIafqExportOfADemoYearOpensAsASpreadsheetAndItsTotalsEqualTheSeizureRecords() throws Exception {
		demo.generate(300, 42, "AUT");
		int year = LocalDate.now().getYear() - 1;
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = LocalDate.of(year, 12, 31);

		IafqExport.Report report = iafq.report(from, to);

		long firearmsSeized = count("SELECT COUNT(*) FROM seized_item i JOIN seizure s ON s.id = i.seizure_id WHERE "
				+ "i.kind = 'FIREARM' AND s.seized_on BETWEEN ? AND ?", from, to);
		long rounds = count("SELECT COALESCE(SUM(i.quantity), 0) FROM seized_item i JOIN seizure s ON s.id = "
				+ "i.seizure_id WHERE i.kind = 'AMMUNITION' AND s.seized_on BETWEEN ? AND ?", from, to);
		long seizuresMade = count("SELECT COUNT(*) FROM seizure WHERE seized_on BETWEEN ? AND ?", from, to);
		assertThat(firearmsSeized).isGreaterThan(20);
		assertThat(report.seizures()).isEqualTo(seizuresMade);
		assertThat(report.firearms()).isEqualTo(firearmsSeized);
		assertThat(report.rounds()).isEqualTo(rounds);
		report.tables()
			.stream()
			.filter(t -> t.name().startsWith("Firearms"))
			.forEach(t -> assertThat(t.total()).as(t.name()).isEqualTo(firearmsSeized));
		assertThat(report.tables().getLast().total()).isEqualTo(rounds);
		// each firearm's trace outcome as its trace request says it (docs/iafq.md)
		Map<String, Long> outcomes = new TreeMap<>();
		jdbc.sql(
				"SELECT outcome, COUNT(*) FROM (SELECT CASE WHEN i.trace_exception IS NOT NULL THEN 'NOT_TRACED_EXCEPTION' WHEN t.id IS NULL THEN "
						+ "'NO_TRACE_REQUEST' WHEN t.state IN ('ANSWERED', 'CLOSED') AND t.answered_on IS NOT NULL AND "
						+ "t.firearm_id IS NOT NULL AND t.unresolved_reason IS NULL THEN 'TRACED' WHEN t.state IN ('ANSWERED', "
						+ "'CLOSED', 'UNRESOLVED') THEN 'UNRESOLVED' ELSE 'PENDING' END AS outcome FROM seized_item i JOIN "
						+ "seizure s ON s.id = i.seizure_id LEFT JOIN trace_request t ON t.id = i.trace_request_id WHERE "
						+ "i.kind = 'FIREARM' AND s.seized_on BETWEEN ? AND ?) x GROUP BY outcome")
			.params(from, to)
			.query((rs, n) -> outcomes.put(rs.getString(1), rs.getLong(2)))
			.list();
		assertThat(outcomes.keySet()).as("the demo year's seized firearms have trace requests").contains("PENDING");
		assertThat(report.tables()
			.stream()
			.filter(t -> t.dimension().equals("trace_outcome"))
			.findFirst()
			.orElseThrow()
			.counts()).isEqualTo(outcomes);
		// listed by date, seizure and item number
		assertThat(report.items()).isSortedAccordingTo(Comparator.<List<String>, String>comparing(i -> i.get(1))
			.thenComparing(i -> i.get(0))
			.thenComparingInt(i -> Integer.parseInt(i.get(6))));

		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(iafq.xlsx(report)))) {
			Sheet summary = book.getSheet("Summary");
			assertThat(summary.getRow(4).getCell(1).getNumericCellValue()).isEqualTo((double) firearmsSeized);
			assertThat(summary.getRow(6).getCell(1).getNumericCellValue()).isEqualTo((double) rounds);
			Sheet byType = book.getSheet("By type");
			assertThat(byType.getRow(byType.getLastRowNum()).getCell(1).getNumericCellValue())
				.isEqualTo((double) firearmsSeized);
			assertThat(book.getSheet("Items").getLastRowNum()).isEqualTo(report.items().size());
		}
		assertThat(iafq.csv(report)).contains("Summary,firearms,all," + firearmsSeized);
		// postal cases in which a sender recurs
		assertThat(count("SELECT COUNT(*) FROM (SELECT sender_id FROM seizure WHERE sender_id IS NOT NULL GROUP BY "
				+ "sender_id HAVING COUNT(*) > 1) x", null, null))
			.isGreaterThan(0);

		List<Map<String, Object>> live = jdbc.sql("SELECT * FROM seized_item ORDER BY id").query().listOfRows();
		seizures.rebuild();
		assertThat(jdbc.sql("SELECT * FROM seized_item ORDER BY id").query().listOfRows()).isEqualTo(live);
	}

	private long count(String sql, LocalDate from, LocalDate to) {
		var statement = jdbc.sql(sql);
		if (from != null) {
			statement = statement.params(from, to);
		}
		return statement.query(Long.class).single();
	}

	static Seizures.RecordSeizure seizure(Seizures.Item... items) {
		return new Seizures.RecordSeizure(LocalDate.now().minusDays(2), "AUT", "Vienna", "Favoriten", 48.17, 16.38,
				PlaceKind.VEHICLE, "Federal Police", "CASE-" + numbers.incrementAndGet(), LegalBasis.ILLICIT_POSSESSION,
				CriminalContext.DRUG_TRAFFICKING, null,
				List.of(new Seizures.Person("Synthetic Suspect", "AUT", PersonRole.SUSPECT)), List.of(items));
	}

	static Seizures.Item firearm(ObservedMarkings observed, String exception) {
		return new Seizures.Item(ItemKind.FIREARM, observed, null, null, null, null, null, null, null,
				"Central store A", "Officer A", exception, null, null, null, null);
	}

	static Seizures.Item ammunition() {
		return new Seizures.Item(ItemKind.AMMUNITION, null, null, null, "9x19mm", 50L, "S&B", null, null,
				"Central store A", "Officer A", null, null, null, null, null);
	}

	/** Proposed by {@link #ACTOR}, approved by {@link #APPROVER}. */
	CommandResult destroyedWithApproval(DestructionGate.DestroyItems batch) {
		CommandResult proposed = destruction.propose(batch, ACTOR);
		return proposed instanceof CommandResult.Accepted a ? destruction.approve(a.subjectId(), APPROVER) : proposed;
	}

	static DestructionGate.DestroyItems destroy(UUID item) {
		return new DestructionGate.DestroyItems(List.of(item), "crushing", List.of("Officer A", "Notary B"), null);
	}

	static Map<ProtocolStep, SeizureQueries.Step> steps(SeizureQueries.ItemView item) {
		Map<ProtocolStep, SeizureQueries.Step> steps = new EnumMap<>(ProtocolStep.class);
		item.protocol().forEach(s -> steps.put(s.step(), s));
		return steps;
	}

	static List<String> messages(CommandResult result) {
		assertThat(result).as("%s", result).isInstanceOf(CommandResult.Rejected.class);
		return TestWords.english(((CommandResult.Rejected) result).violations());
	}

	static UUID ok(CommandResult result) {
		assertThat(result).as("%s", result).isInstanceOf(CommandResult.Accepted.class);
		return ((CommandResult.Accepted) result).subjectId();
	}

}
