package org.armstrace.tracing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.armstrace.DatabaseTest;
import org.armstrace.TestWords;
import org.armstrace.command.CommandResult;
import org.armstrace.registry.FirearmCommands;
import org.armstrace.registry.FirearmType;
import org.armstrace.registry.HolderCommands;
import org.armstrace.registry.HolderRole;
import org.armstrace.tracing.CustodyChain.FlagKind;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A firearm's life read as a chain of custody: holders, point of diversion,
 * time-to-crime, and each flag.
 */
@DatabaseTest
class CustodyChainTests {

	static final String ACTOR = "user:tracing-test";

	static final AtomicInteger numbers = new AtomicInteger(500_000 + new Random().nextInt(400_000));

	@Autowired
	FirearmCommands firearms;

	@Autowired
	HolderCommands holders;

	@Autowired
	CustodyChains chains;

	@Autowired
	TraceRequests requests;

	@Test
	void aStolenFirearmSeizedLaterLeadsToItsLastLegalHolderWithTheStolenFlagAndItsTimeToCrime() {
		UUID maker = holder(HolderRole.MANUFACTURER);
		UUID dealer = holder(HolderRole.DEALER);
		UUID owner = holder(HolderRole.PRIVATE_OWNER);
		UUID pistol = pistol(maker, LocalDate.of(2020, 1, 10));
		ok(firearms.transfer(pistol, new FirearmCommands.TransferFirearm(dealer, LocalDate.of(2020, 2, 1)), ACTOR,
				null));
		ok(firearms.transfer(pistol, new FirearmCommands.TransferFirearm(owner, LocalDate.of(2021, 3, 1)), ACTOR,
				null));
		ok(firearms.reportStolen(pistol, new FirearmCommands.ReportMissing(owner, "POL-77", LocalDate.of(2022, 5, 5)),
				ACTOR, null));
		ok(firearms.seize(pistol, new FirearmCommands.RecordSeizure("Police", "CASE-1", LocalDate.of(2023, 1, 1)),
				ACTOR, null));

		CustodyChain chain = chains.of(pistol, null, null).orElseThrow();

		assertThat(chain.holders()).extracting(CustodyChain.LegalHolder::holderId)
			.containsExactly(maker, dealer, owner);
		assertThat(chain.holders().get(1).until()).isEqualTo(LocalDate.of(2021, 3, 1));
		assertThat(chain.lastLegalHolder().holderId()).isEqualTo(owner);
		assertThat(chain.pointOfDiversion().type()).isEqualTo("registry.firearm-reported-stolen");
		assertThat(TestWords.english(chain.pointOfDiversion())).startsWith("reported stolen by private owner " + owner);
		assertThat(chain.firstRetailSale().dealerId()).isEqualTo(dealer);
		assertThat(chain.recoveredOn()).isEqualTo(LocalDate.of(2023, 1, 1));
		assertThat(chain.timeToCrimeDays())
			.isEqualTo(ChronoUnit.DAYS.between(LocalDate.of(2021, 3, 1), LocalDate.of(2023, 1, 1)));
		assertThat(chain.events().getLast().legal()).isFalse();
		assertThat(chain.flags()).extracting(CustodyChain.Flag::kind)
			.contains(FlagKind.LOST_OR_STOLEN, FlagKind.SHORT_TIME_TO_CRIME)
			.doesNotContain(FlagKind.RE_ENTRY, FlagKind.FOUND_AFTER_DESTRUCTION);
	}

	@Test
	void aSaleByADealerIsThePointOfDiversionWhenNothingElseHappenedAndALongTimeToCrimeIsNotFlagged() {
		UUID dealer = holder(HolderRole.DEALER);
		UUID owner = holder(HolderRole.PRIVATE_OWNER);
		UUID pistol = pistol(dealer, LocalDate.of(2010, 1, 10));
		ok(firearms.transfer(pistol, new FirearmCommands.TransferFirearm(owner, LocalDate.of(2011, 6, 1)), ACTOR,
				null));

		CustodyChain chain = chains.of(pistol, null, LocalDate.of(2024, 6, 1)).orElseThrow();

		assertThat(TestWords.english(chain.pointOfDiversion()))
			.startsWith("sold by dealer " + dealer + " to private owner");
		assertThat(chain.lastLegalHolder().holderId()).isEqualTo(owner);
		assertThat(chain.timeToCrimeDays()).isGreaterThan(4000);
		assertThat(chain.flags()).isEmpty();
	}

	@Test
	void anExportedFirearmFoundInTheCountryIsARentry() {
		UUID dealer = holder(HolderRole.DEALER);
		UUID pistol = pistol(dealer, LocalDate.of(2019, 1, 10));
		ok(firearms.export(pistol,
				new FirearmCommands.ExportFirearm("DEU", List.of(), "EXP-1", LocalDate.of(2019, 9, 1)), ACTOR, null));

		CustodyChain chain = chains.of(pistol, null, LocalDate.of(2024, 2, 2)).orElseThrow();

		assertThat(chain.flags()).extracting(CustodyChain.Flag::kind).containsExactly(FlagKind.RE_ENTRY);
		assertThat(TestWords.english(chain.pointOfDiversion())).isEqualTo("exported to DEU");
		assertThat(chain.lastLegalHolder().holderId()).isEqualTo(dealer);
	}

	@Test
	void aDestroyedFirearmFoundAgainAndADeactivatedOneAreFlagged() {
		UUID dealer = holder(HolderRole.DEALER);
		UUID destroyed = pistol(dealer, LocalDate.of(2015, 1, 10));
		ok(firearms.destroy(destroyed,
				new FirearmCommands.DestroyFirearm("crushing", List.of("Officer A"), LocalDate.of(2016, 1, 1)), ACTOR,
				null));
		ok(firearms.foundAfterDestruction(destroyed,
				new FirearmCommands.RecordFoundAfterDestruction("Customs", LocalDate.of(2020, 1, 1)), ACTOR, null));
		UUID deactivated = pistol(dealer, LocalDate.of(2015, 1, 10));
		ok(firearms.deactivate(deactivated, new FirearmCommands.DeactivateFirearm("DEACT-" + numbers.incrementAndGet(),
				"EU 2018/337", "Proof House", "DEACT AUT 2016", LocalDate.of(2016, 1, 1)), ACTOR, null));

		assertThat(chains.of(destroyed, null, null).orElseThrow().flags()).extracting(CustodyChain.Flag::kind)
			.containsExactly(FlagKind.FOUND_AFTER_DESTRUCTION);
		assertThat(TestWords.english(chains.of(destroyed, null, null).orElseThrow().pointOfDiversion()))
			.startsWith("destroyed (crushing)");
		assertThat(chains.of(deactivated, null, LocalDate.of(2021, 1, 1)).orElseThrow().flags())
			.extracting(CustodyChain.Flag::kind)
			.containsExactly(FlagKind.FOUND_AFTER_DEACTIVATION);
	}

	@Test
	void observedMarkingsThatDifferFromTheRecordAreFlaggedAsObliteratedOrAltered() {
		UUID dealer = holder(HolderRole.DEALER);
		String serial = "CC" + numbers.incrementAndGet();
		UUID pistol = pistol(dealer, LocalDate.of(2018, 1, 10), serial);

		CustodyChain obliterated = chains
			.of(pistol, ObservedMarkings.ofSerial(serial.substring(0, 4) + "??" + serial.substring(6), null), null)
			.orElseThrow();
		CustodyChain altered = chains
			.of(pistol, ObservedMarkings.ofSerial(serial.substring(0, 3) + "X" + serial.substring(4), null), null)
			.orElseThrow();
		CustodyChain misread = chains.of(pistol, ObservedMarkings.ofSerial(serial.toLowerCase(), null), null)
			.orElseThrow();

		assertThat(obliterated.flags()).extracting(CustodyChain.Flag::kind)
			.containsExactly(FlagKind.MARKING_OBLITERATED);
		assertThat(TestWords.english(obliterated.flags().getFirst())).contains("2 character(s) unreadable or missing");
		assertThat(altered.flags()).extracting(CustodyChain.Flag::kind).containsExactly(FlagKind.MARKING_ALTERED);
		assertThat(misread.flags()).isEmpty();
	}

	@Test
	void aDealerWhoseSalesShowManyShortTimeToCrimeTracesIsFlagged() {
		UUID dealer = holder(HolderRole.DEALER);
		LocalDate sold = LocalDate.now().minusYears(1);
		UUID last = null;
		for (int i = 0; i < 3; i++) {
			UUID owner = holder(HolderRole.PRIVATE_OWNER);
			UUID pistol = pistol(dealer, sold.minusDays(30));
			ok(firearms.transfer(pistol, new FirearmCommands.TransferFirearm(owner, sold), ACTOR, null));
			CustodyChain chain = chains.of(pistol, null, LocalDate.now()).orElseThrow();
			assertThat(chain.has(FlagKind.SHORT_TIME_TO_CRIME)).isTrue();
			assertThat(chain.has(FlagKind.DEALER_WITH_MANY_SHORT_TIME_TO_CRIME_TRACES)).as("trace %d", i)
				.isEqualTo(i == 2);
			// each trace answered: it counts for the dealer from then on
			UUID request = ok(requests.open(new TraceRequests.OpenTraceRequest(ObservedMarkings.ofSerial("X1", null),
					TracePriority.ROUTINE, null, null, LocalDate.now(), "AUT", null, null, null, null, null, pistol),
					ACTOR, null));
			ok(requests.answer(request, ACTOR));
			last = pistol;
		}
		assertThat(chains.of(last, null, LocalDate.now())
			.orElseThrow()
			.has(FlagKind.DEALER_WITH_MANY_SHORT_TIME_TO_CRIME_TRACES)).isTrue();
	}

	UUID holder(HolderRole role) {
		return ok(holders
			.register(new HolderCommands.RegisterHolder(role, "Synthetic " + role + " " + numbers.incrementAndGet(),
					"1 Example Street", "AUT", "LIC-" + numbers.get()), ACTOR, null));
	}

	UUID pistol(UUID holder, LocalDate on) {
		return pistol(holder, on, "CT" + numbers.incrementAndGet());
	}

	UUID pistol(UUID holder, LocalDate on, String serial) {
		return ok(firearms.register(new FirearmCommands.RegisterFirearm(FirearmType.PISTOL, null, "Glock", "17",
				"9x19mm", serial, "AUT", on.getYear(), List.of(), holder, null, false, on), ACTOR, null));
	}

	static UUID ok(CommandResult result) {
		assertThat(result).as("%s", result).isInstanceOf(CommandResult.Accepted.class);
		return ((CommandResult.Accepted) result).subjectId();
	}

}
