package org.armstrace.seizure;

import static org.armstrace.seizure.SeizureTests.ACTOR;
import static org.armstrace.seizure.SeizureTests.APPROVER;
import static org.armstrace.seizure.SeizureTests.destroy;
import static org.armstrace.seizure.SeizureTests.firearm;
import static org.armstrace.seizure.SeizureTests.messages;
import static org.armstrace.seizure.SeizureTests.numbers;
import static org.armstrace.seizure.SeizureTests.ok;
import static org.armstrace.seizure.SeizureTests.seizure;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.UUID;

import org.armstrace.DatabaseTest;
import org.armstrace.command.CommandResult;
import org.armstrace.command.CommonRule;
import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.LedgerEntry;
import org.armstrace.tracing.ObservedMarkings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Destruction by two people: proposed by one, carried out only when another approves it,
 * with every condition checked again then; both steps on the ledger.
 */
@DatabaseTest
class DestructionApprovalTests {

	@Autowired
	Seizures seizures;

	@Autowired
	SeizureQueries queries;

	@Autowired
	EvidenceCustody custody;

	@Autowired
	DestructionGate destruction;

	@Autowired
	Ledger ledger;

	@Test
	void aDestructionIsCarriedOutOnlyWhenASecondPersonApprovesItAndItsItemsStillMayBeDestroyed() {
		UUID seizureId = ok(
				seizures.record(seizure(firearm(ObservedMarkings.ofSerial("TWO" + numbers.incrementAndGet(), "Mauser"),
						"ISACS 05.31: made before 1946")), ACTOR));
		UUID item = queries.seizure(seizureId).orElseThrow().items().getFirst().id();
		UUID proposal = ok(destruction.propose(destroy(item), ACTOR));
		assertThat(queries.item(item).orElseThrow().custodyStatus()).as("proposed, not destroyed")
			.isEqualTo(CustodyStatus.IN_CUSTODY);
		assertThat(ledger.entriesAbout(proposal.toString()).getFirst().type())
			.isEqualTo("seizure.destruction-proposed");
		assertThat(destruction.awaitingApproval()).extracting(DestructionGate.Proposal::id).contains(proposal);

		CommandResult byTheProposer = destruction.approve(proposal, ACTOR);
		assertThat(byTheProposer).isInstanceOf(CommandResult.Rejected.class);
		assertThat(((CommandResult.Rejected) byTheProposer).violations().getFirst().rule())
			.isEqualTo(CommonRule.ApproverIsNotTheProposer);

		ok(custody.placeHold(item, new EvidenceCustody.PlaceHold("COURT-9", "Court 9", LocalDate.now(), null), ACTOR));
		assertThat(messages(destruction.approve(proposal, APPROVER))).as("a hold placed since the proposal")
			.anyMatch(m -> m.contains("COURT-9"));
		UUID hold = queries.item(item).orElseThrow().holds().getFirst().id();
		ok(custody.releaseHold(item, new EvidenceCustody.ReleaseHold(hold, LocalDate.now(), "released"), ACTOR));

		ok(destruction.approve(proposal, APPROVER));
		assertThat(queries.item(item).orElseThrow().custodyStatus()).isEqualTo(CustodyStatus.DESTROYED);
		DestructionGate.Proposal approved = destruction.proposal(proposal).orElseThrow();
		assertThat(approved.proposedBy()).isEqualTo(ACTOR);
		assertThat(approved.approvedBy()).isEqualTo(APPROVER);
		assertThat(ledger.entriesAbout(proposal.toString())).extracting(LedgerEntry::type, LedgerEntry::actor)
			.containsExactly(tuple("seizure.destruction-proposed", ACTOR),
					tuple("seizure.destruction-approved", APPROVER));
		assertThat(
				((CommandResult.Rejected) destruction.approve(proposal, "user:a-third")).violations().getFirst().rule())
			.isEqualTo(SeizureRule.ProposalIsAwaitingApproval);
	}

}
