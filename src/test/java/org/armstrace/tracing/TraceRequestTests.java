package org.armstrace.tracing;

import static org.armstrace.tracing.CustodyChainTests.ACTOR;
import static org.armstrace.tracing.CustodyChainTests.ok;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.armstrace.DatabaseTest;
import org.armstrace.TestWords;
import org.armstrace.command.CommandResult;
import org.armstrace.ledger.Ledger;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmType;
import org.armstrace.registry.HolderCommands;
import org.armstrace.registry.HolderRole;
import org.armstrace.tracing.CustodyChain.FlagKind;
import org.armstrace.tracing.TraceRequestQueries.TraceRequestView;
import org.armstrace.tracing.TraceRequests.OpenTraceRequest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;

/**
 * A trace request from observed markings to a frozen answer, every step on the ledger,
 * and every refusal.
 */
@DatabaseTest
class TraceRequestTests {

	@Autowired
	TraceRequests requests;

	@Autowired
	TraceRequestQueries queries;

	@Autowired
	FirearmCommands firearms;

	@Autowired
	HolderCommands holders;

	@Autowired
	Tracing tracing;

	@Autowired
	Ledger ledger;

	@Test
	void aStolenFirearmIsTracedFromItsMarkingsToAnAnswerWithItsChainFrozenAndAReport() throws Exception {
		UUID owner = ok(holders.register(
				new HolderCommands.RegisterHolder(HolderRole.PRIVATE_OWNER, "Synthetic Owner", null, "AUT", null),
				ACTOR, null));
		String serial = "TRQ" + CustodyChainTests.numbers.incrementAndGet();
		UUID pistol = ok(firearms.register(new FirearmCommands.RegisterFirearm(FirearmType.PISTOL, null, "Glock", "17",
				"9x19mm", serial, "AUT", 2019, List.of(), owner, null, false, LocalDate.of(2019, 4, 1)), ACTOR, null));
		ok(firearms.reportStolen(pistol, new FirearmCommands.ReportMissing(owner, "POL-9", LocalDate.of(2020, 1, 1)),
				ACTOR, null));
		tracing.catchUp();
		long before = ledger.size();

		ObservedMarkings observed = ObservedMarkings.ofSerial(serial.substring(0, serial.length() - 1) + "?", "Glock");
		UUID id = ok(requests.open(new OpenTraceRequest(observed, TracePriority.URGENT,
				"armed robbery suspect in custody", null, LocalDate.now().minusDays(1), "Österreich", "Vienna",
				"found in a car", "SZ-1", "Tracing unit East", null, null), ACTOR, null));
		TraceRequestView opened = queries.find(id).orElseThrow();
		assertThat(opened.recoveredCountry()).as("a country named in German is recorded as its code").isEqualTo("AUT");
		assertThat(opened.state()).isEqualTo(TraceRequestState.OPEN);
		assertThat(opened.reference()).matches("TR-\\d{4}-\\d{6}");
		assertThat(opened.caseReference()).matches("IC-\\d{4}-\\d{6}");
		assertThat(opened.dueOn()).isEqualTo(opened.openedOn().plusDays(2));
		assertThat(opened.circumstances()).isEqualTo("found in a car");
		assertThat(ledger.size()).isEqualTo(before + 2); // the case and the request

		ok(requests.confirm(id, pistol, ACTOR));
		ok(requests.answer(id, ACTOR));
		TraceRequestView answered = queries.find(id).orElseThrow();
		assertThat(answered.state()).isEqualTo(TraceRequestState.ANSWERED);
		assertThat(answered.confirmedBand()).isEqualTo("POSSIBLE");
		assertThat(answered.answer().chain().lastLegalHolder().holderId()).isEqualTo(owner);
		assertThat(answered.answer().chain().flags()).extracting(CustodyChain.Flag::kind)
			.contains(FlagKind.LOST_OR_STOLEN, FlagKind.MARKING_OBLITERATED);
		assertThat(queries.investigationCase(answered.caseReference()).orElseThrow().weapons())
			.extracting(TraceRequestQueries.CaseWeapon::firearmId)
			.containsExactly(pistol);

		// the answer is frozen: later facts about the firearm do not change it
		ok(firearms.recover(pistol, new FirearmCommands.RecordRecovery("Police", LocalDate.now()), ACTOR, null));
		assertThat(queries.find(id).orElseThrow().answer()).isEqualTo(answered.answer());

		byte[] pdf = TraceReport.pdf(answered, new TraceReport.Texts(TestWords::text, TestWords::english,
				holder -> holder.equals(owner) ? "Synthetic Owner" : "someone"), 0);
		PdfReader reader = new PdfReader(pdf);
		String text = new PdfTextExtractor(reader).getTextFromPage(1);
		assertThat(text).contains(answered.reference(), answered.recordNumber(), "Synthetic Owner",
				"Reported lost or stolen: reported stolen on 2020-01-01 (report POL-9)");

		ok(requests.close(id, "answered to requesting unit", ACTOR));
		assertThat(queries.find(id).orElseThrow().state()).isEqualTo(TraceRequestState.CLOSED);
		assertThat(ledger.size()).isEqualTo(before + 6); // confirmed, answered,
															// recovered, closed
	}

	@Test
	void stepsOutOfOrderAndBadInputAreRefusedWithTheFieldAndRuleAndWriteNothing() {
		long before = ledger.size();
		assertThat(rules(requests.open(new OpenTraceRequest(null, null, null, null, LocalDate.now().plusDays(2), "XX",
				null, null, null, null, "IC-1900-000001", null), ACTOR, null)))
			.containsExactlyInAnyOrder("observed:ObservedMarkingsRequired", "priority:PriorityRequired",
					"recoveredOn:DateIsNotInTheFuture", "recoveredCountry:CountryIsIso3166Alpha3",
					"caseReference:CaseMustExist");
		assertThat(rules(requests.open(new OpenTraceRequest(ObservedMarkings.ofSerial("AB1", null),
				TracePriority.URGENT, " ", null, null, null, null, null, null, null, null, null), ACTOR, null)))
			.containsExactly("urgentReason:UrgentNeedsReason");
		assertThat(ledger.size()).isEqualTo(before);

		UUID id = ok(requests.open(routine("ZZ12345", null), ACTOR, null));
		assertThat(rules(requests.answer(id, ACTOR))).containsExactly("state:AnswerAfterConfirmation");
		assertThat(rules(requests.close(id, null, ACTOR))).containsExactly("state:CloseWhenAnsweredOrUnresolved");
		assertThat(rules(requests.unresolved(id, "", ACTOR))).containsExactly("reason:ReasonRequired");
		assertThat(rules(requests.confirm(id, UUID.randomUUID(), ACTOR))).containsExactly("firearmId:FirearmMustExist");
		assertThat(rules(requests.assign(UUID.randomUUID(), "Unit", ACTOR)))
			.containsExactly("traceRequestId:TraceRequestMustExist");

		ok(requests.unresolved(id, "serial ground off, no registered record fits", ACTOR));
		ok(requests.answer(id, ACTOR));
		TraceRequestView answered = queries.find(id).orElseThrow();
		assertThat(answered.answer().chain()).isNull();
		assertThat(answered.answer().unresolvedReason()).isEqualTo("serial ground off, no registered record fits");
		ok(requests.close(id, null, ACTOR));
		assertThat(rules(requests.confirm(id, UUID.randomUUID(), ACTOR))).contains("state:ConfirmWhileUnanswered");
	}

	@Test
	void aSecondRequestJoinsTheCaseNamedAndTheCaseGathersPersonsOffTheLedger() {
		UUID first = ok(requests.open(routine("JN1", null), ACTOR, null));
		String caseReference = queries.find(first).orElseThrow().caseReference();
		UUID second = ok(requests.open(routine("JN2", caseReference), ACTOR, null));
		long before = ledger.size();
		ok(requests.addPerson(caseReference, "Synthetic Suspect", "AUT", "suspect", ACTOR));

		TraceRequestQueries.InvestigationCase found = queries.investigationCase(caseReference).orElseThrow();
		assertThat(found.traces()).extracting(TraceRequestQueries.TraceRequestSummary::id)
			.containsExactly(first, second);
		assertThat(found.persons()).extracting(TraceRequestQueries.CasePerson::name)
			.containsExactly("Synthetic Suspect");
		assertThat(new String(ledger.entry(before).orElseThrow().canonicalJson(), StandardCharsets.UTF_8))
			.doesNotContain("Synthetic Suspect");
		assertThat(rules(requests.addPerson(caseReference, "", "XXX", "", ACTOR)))
			.containsExactlyInAnyOrder("name:NameRequired", "nationality:CountryIsIso3166Alpha3", "role:RoleRequired");
	}

	@Test
	void requestsPastTheirDueDateAreOverdueUntilAnswered() {
		UUID late = ok(requests.open(new OpenTraceRequest(ObservedMarkings.ofSerial("OD1", null), TracePriority.ROUTINE,
				null, LocalDate.now().minusDays(31), null, null, null, null, null, null, null, null), ACTOR, null));
		UUID urgentLate = ok(requests
			.open(new OpenTraceRequest(ObservedMarkings.ofSerial("OD2", null), TracePriority.URGENT, "child at risk",
					LocalDate.now().minusDays(3), null, null, null, null, null, null, null, null), ACTOR, null));
		UUID onTime = ok(
				requests.open(
						new OpenTraceRequest(ObservedMarkings.ofSerial("OD3", null), TracePriority.ROUTINE, null,
								LocalDate.now().minusDays(29), null, null, null, null, null, null, null, null),
						ACTOR, null));

		List<UUID> overdue = queries.list(null, true, 1000)
			.stream()
			.map(TraceRequestQueries.TraceRequestSummary::id)
			.toList();
		assertThat(overdue).contains(late, urgentLate).doesNotContain(onTime);
		assertThat(queries.find(late).orElseThrow().overdue()).isTrue();

		ok(requests.unresolved(late, "no record", ACTOR));
		ok(requests.answer(late, ACTOR));
		assertThat(queries.list(null, true, 1000)).noneMatch(s -> s.id().equals(late));
	}

	@Test
	void aRebuildFromTheLedgerGivesBackEveryRequestAsItWas() {
		UUID id = ok(requests.open(routine("RB1", null), ACTOR, null));
		ok(requests.assign(id, "Unit West", ACTOR));
		ok(requests.unresolved(id, "nothing fits", ACTOR));
		TraceRequestView before = queries.find(id).orElseThrow();

		requests.rebuild();

		assertThat(queries.find(id).orElseThrow()).isEqualTo(before);
	}

	static OpenTraceRequest routine(String serial, String caseReference) {
		return new OpenTraceRequest(ObservedMarkings.ofSerial(serial, null), TracePriority.ROUTINE, null, null, null,
				null, null, null, null, null, caseReference, null);
	}

	static List<String> rules(CommandResult result) {
		assertThat(result).as("%s", result).isInstanceOf(CommandResult.Rejected.class);
		return ((CommandResult.Rejected) result).violations().stream().map(v -> v.field() + ":" + v.rule()).toList();
	}

}
