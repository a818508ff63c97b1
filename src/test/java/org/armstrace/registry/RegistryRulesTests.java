package org.armstrace.registry;

import static org.armstrace.registry.RegistryFixture.ACTOR;
import static org.armstrace.registry.RegistryFixture.accepted;
import static org.armstrace.registry.RegistryFixture.pistol;
import static org.armstrace.registry.RegistryFixture.rules;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.armstrace.DatabaseTest;
import org.armstrace.command.CommandResult;
import org.armstrace.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Each rule of the registry, and what it leaves written when it refuses: nothing. */
@DatabaseTest
class RegistryRulesTests {

	@Autowired
	RegistryFixture fixture;

	@Autowired
	FirearmCommands firearms;

	@Autowired
	PartCommands parts;

	@Autowired
	AmmunitionCommands ammunition;

	@Autowired
	RegistryQueries queries;

	@Autowired
	Ledger ledger;

	@Test
	void aRegisteredFirearmGetsARecordNumberAndTheMarkingsItsRecordImplies() {
		UUID dealer = fixture.dealer();
		UUID id = fixture.registeredPistolHeldBy(dealer);

		RegistryQueries.FirearmView firearm = queries.firearm(id).orElseThrow();
		assertThat(firearm.recordNumber()).matches("FA-\\d{4}-\\d{6}");
		assertThat(firearm.status()).isEqualTo(FirearmStatus.ACTIVE);
		assertThat(firearm.holder().id()).isEqualTo(dealer);
		assertThat(firearm.markings()).extracting(Marking::kind)
			.containsExactly(MarkingKind.MANUFACTURER, MarkingKind.COUNTRY_OF_MANUFACTURE, MarkingKind.SERIAL,
					MarkingKind.YEAR);
		assertThat(firearm.timeline()).extracting(RegistryQueries.TimelineEvent::type)
			.containsExactly("registry.firearm-manufactured");
	}

	@Test
	void aHoldersNameNeverReachesTheLedger() {
		UUID holder = fixture.dealer();
		String name = queries.holder(holder).orElseThrow().name();
		assertThat(name).startsWith("Synthetic DEALER");
		assertThat(ledger.entriesAbout(holder.toString())).singleElement()
			.satisfies(entry -> assertThat(entry.json()).doesNotContain(name).doesNotContain("Example Street"));
	}

	@Test
	void aSecondFirearmWithTheSameMakerCountryAndSerialIsRefusedUnlessFlaggedAsASuspectedDuplicate() {
		String serial = RegistryFixture.nextSerial();
		UUID first = accepted(firearms.register(pistol("Synthetic Arms", serial, null), ACTOR, null));
		long size = ledger.size();

		// same marking written differently: case, separators, company form
		String spelledOtherwise = serial.substring(0, 3).toLowerCase() + "-" + serial.substring(3);
		assertThat(rules(firearms.register(pistol("SYNTHETIC ARMS Inc.", spelledOtherwise, null), ACTOR, null)))
			.containsExactly("serial:MarkingIsUnique");
		assertThat(ledger.size()).isEqualTo(size);

		var duplicate = new FirearmCommands.RegisterFirearm(FirearmType.PISTOL, null, "Synthetic Arms", "P1", "9x19mm",
				serial, "AUT", 2020, List.of(), null, null, true, null);
		UUID second = accepted(firearms.register(duplicate, ACTOR, null));
		assertThat(queries.firearm(first).orElseThrow().suspectedDuplicate()).isTrue();
		assertThat(queries.firearm(second).orElseThrow().suspectedDuplicate()).isTrue();
	}

	@Test
	void manufactureNeedsMakerCountryAndSerialAndListsEveryMissingField() {
		long size = ledger.size();
		var incomplete = new FirearmCommands.RegisterFirearm(FirearmType.RIFLE, null, " ", null, null, "", "Ruritania",
				null, List.of(), null, null, false, LocalDate.now().plusDays(3));

		assertThat(rules(firearms.register(incomplete, ACTOR, null))).containsExactlyInAnyOrder("make:FieldIsRequired",
				"serial:SerialNumberFormat", "countryOfManufacture:CountryIsIso3166Alpha3",
				"occurredOn:DateIsNotInTheFuture");
		assertThat(ledger.size()).isEqualTo(size);
	}

	@Test
	void anImportNeedsAnImportMarkingUnlessOneIsAlreadyPresent() {
		UUID importer = fixture.dealer();
		UUID id = fixture.registeredPistolHeldBy(null);

		assertThat(rules(firearms.importFirearm(id,
				new FirearmCommands.ImportFirearm("DEU", importer, null, false, "IMP-1", null), ACTOR, null)))
			.containsExactly("importYear:ImportNeedsImportMarking");

		accepted(firearms.importFirearm(id,
				new FirearmCommands.ImportFirearm("DEU", importer, 2025, false, "IMP-1", null), ACTOR, null));
		RegistryQueries.FirearmView imported = queries.firearm(id).orElseThrow();
		assertThat(imported.markings()).last().isEqualTo(new Marking(MarkingKind.IMPORT, "AUT 2025", "AUT", 2025));
		assertThat(imported.holder().id()).isEqualTo(importer);
	}

	@Test
	void aStolenFirearmCannotBeTransferredUntilRecovered() {
		UUID owner = fixture.owner();
		UUID buyer = fixture.owner();
		UUID id = fixture.stolenPistolHeldBy(owner);

		assertThat(rules(firearms.transfer(id, new FirearmCommands.TransferFirearm(buyer, null), ACTOR, null)))
			.containsExactly("firearmId:StolenFirearmCannotBeTransferred");

		accepted(firearms.recover(id, new FirearmCommands.RecordRecovery("Police", null), ACTOR, null));
		accepted(firearms.transfer(id, new FirearmCommands.TransferFirearm(buyer, null), ACTOR, null));
		assertThat(queries.firearm(id).orElseThrow().holder().id()).isEqualTo(buyer);
	}

	@Test
	void aDeactivationNeedsACertificateNumber() {
		UUID id = fixture.registeredPistolHeldBy(fixture.owner());

		assertThat(rules(firearms.deactivate(id,
				new FirearmCommands.DeactivateFirearm(null, "EU 2015/2403", "Proof House", "AUT-DEACT-1", null), ACTOR,
				null)))
			.containsExactly("certificateNumber:DeactivationNeedsCertificate");

		accepted(firearms.deactivate(id,
				new FirearmCommands.DeactivateFirearm("CERT-77", "EU 2015/2403", "Proof House", "AUT-DEACT-1", null),
				ACTOR, null));
		assertThat(queries.firearm(id).orElseThrow().status()).isEqualTo(FirearmStatus.DEACTIVATED);
	}

	@Test
	void aDestroyedFirearmAcceptsOnlyFoundAfterDestructionWhichFlagsADiversion() {
		UUID owner = fixture.owner();
		UUID id = fixture.registeredPistolHeldBy(owner);
		accepted(firearms.destroy(id, new FirearmCommands.DestroyFirearm("shredding", List.of("Officer A"), null),
				ACTOR, null));

		assertThat(
				rules(firearms.transfer(id, new FirearmCommands.TransferFirearm(fixture.owner(), null), ACTOR, null)))
			.containsExactly("firearmId:DestroyedFirearmAcceptsOnlyFoundAfterDestruction");
		assertThat(rules(firearms.reportStolen(id, new FirearmCommands.ReportMissing(owner, "x", null), ACTOR, null)))
			.containsExactly("firearmId:DestroyedFirearmAcceptsOnlyFoundAfterDestruction");

		accepted(firearms.foundAfterDestruction(id, new FirearmCommands.RecordFoundAfterDestruction("Customs", null),
				ACTOR, null));
		RegistryQueries.FirearmView found = queries.firearm(id).orElseThrow();
		assertThat(found.status()).isEqualTo(FirearmStatus.FOUND_AFTER_DESTRUCTION);
		assertThat(found.diversionFlag()).isTrue();
	}

	@Test
	void ammunitionQuantitiesNeverGoNegative() {
		UUID maker = fixture.holder(HolderRole.MANUFACTURER, "CZE");
		UUID dealer = fixture.dealer();
		UUID lot = accepted(ammunition.produce(new AmmunitionCommands.ProduceAmmunition("Synthetic Ammo", "9x19mm",
				"LOT-1", "SA 24", 2024, maker, 1_000, null), ACTOR, null));
		accepted(ammunition.transfer(lot, new AmmunitionCommands.TransferAmmunition(maker, dealer, 600, null), ACTOR,
				null));

		assertThat(rules(ammunition.transfer(lot, new AmmunitionCommands.TransferAmmunition(maker, dealer, 401, null),
				ACTOR, null)))
			.containsExactly("quantity:AmmunitionQuantityNeverNegative");
		assertThat(rules(ammunition.consume(lot, new AmmunitionCommands.ConsumeAmmunition(dealer, 601, "range", null),
				ACTOR, null)))
			.containsExactly("quantity:AmmunitionQuantityNeverNegative");

		accepted(ammunition.consume(lot, new AmmunitionCommands.ConsumeAmmunition(dealer, 600, "range", null), ACTOR,
				null));
		assertThat(queries.ammunitionLot(lot).orElseThrow().holdings())
			.containsExactly(new RegistryQueries.AmmunitionHolding(maker, 400));
	}

	@Test
	void aPartIsFittedToOneFirearmAtATime() {
		UUID first = fixture.registeredPistolHeldBy(null);
		UUID second = fixture.registeredPistolHeldBy(null);
		UUID slide = accepted(parts.register(new PartCommands.RegisterPart(PartKind.SLIDE, "Synthetic Arms", "9x19mm",
				RegistryFixture.nextSerial(), "AUT", List.of(), null, null), ACTOR, null));

		accepted(parts.fit(slide, new PartCommands.FitPart(first, null), ACTOR, null));
		assertThat(rules(parts.fit(slide, new PartCommands.FitPart(second, null), ACTOR, null)))
			.containsExactly("partId:PartIsFittedToOneFirearm");
		assertThat(queries.firearm(first).orElseThrow().fittedParts()).extracting(RegistryQueries.PartView::id)
			.containsExactly(slide);

		accepted(parts.remove(slide, new PartCommands.RemovePart(null), ACTOR, null));
		accepted(parts.fit(slide, new PartCommands.FitPart(second, null), ACTOR, null));
		assertThat(queries.firearm(first).orElseThrow().fittedParts()).isEmpty();
	}

	@Test
	void aRetriedCommandIsAnsweredFromItsIdempotencyKeyAndRecordedOnce() {
		UUID owner = fixture.owner();
		UUID id = fixture.registeredPistolHeldBy(fixture.dealer());
		String key = "retry-" + UUID.randomUUID();
		long size = ledger.size();

		var first = firearms.transfer(id, new FirearmCommands.TransferFirearm(owner, null), ACTOR, key);
		var retry = firearms.transfer(id, new FirearmCommands.TransferFirearm(owner, null), ACTOR, key);

		assertThat(ledger.size()).isEqualTo(size + 1);
		assertThat(((CommandResult.Accepted) retry).replayed()).isTrue();
		assertThat(((CommandResult.Accepted) retry).ledgerSeqs())
			.isEqualTo(((CommandResult.Accepted) first).ledgerSeqs());
		assertThat(rules(firearms.reportLost(id, new FirearmCommands.ReportMissing(owner, "x", null), ACTOR, key)))
			.containsExactly("idempotencyKey:IdempotencyKeyIsForOneCommand");
	}

}
