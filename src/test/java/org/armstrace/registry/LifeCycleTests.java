package org.armstrace.registry;

import static org.armstrace.registry.RegistryFixture.ACTOR;
import static org.armstrace.registry.RegistryFixture.accepted;
import static org.armstrace.registry.RegistryFixture.rules;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.armstrace.DatabaseTest;
import org.armstrace.ledger.Ledger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A firearm's whole life, event by event, as the record shows it after each. */
@DatabaseTest
class LifeCycleTests {

	@Autowired
	RegistryFixture fixture;

	@Autowired
	FirearmCommands firearms;

	@Autowired
	ProductionRuns productionRuns;

	@Autowired
	RegistryQueries queries;

	@Autowired
	Ledger ledger;

	@Test
	void aFirearmIsMarkedExportedReimportedConvertedLostRecoveredSeizedAndDestroyed() {
		UUID dealer = fixture.dealer();
		UUID id = fixture.registeredPistolHeldBy(dealer);

		accepted(firearms.addMarking(id,
				new FirearmCommands.AddMarking(new Marking(MarkingKind.PROOF, "BUG 2020", null, 2020), null), ACTOR,
				null));
		accepted(firearms.export(id, new FirearmCommands.ExportFirearm("CHE", List.of("DEU"), "EXP-9", null), ACTOR,
				null));
		assertThat(status(id)).isEqualTo(FirearmStatus.EXPORTED);
		assertThat(
				rules(firearms.transfer(id, new FirearmCommands.TransferFirearm(fixture.owner(), null), ACTOR, null)))
			.containsExactly("firearmId:ExportedFirearmIsNotInTheCountry");
		accepted(
				firearms.recordTransit(id, new FirearmCommands.RecordTransit("CHE", "AUT", "TR-1", null), ACTOR, null));
		accepted(firearms.importFirearm(id,
				new FirearmCommands.ImportFirearm("CHE", dealer, 2026, false, "IMP-9", null), ACTOR, null));
		assertThat(status(id)).isEqualTo(FirearmStatus.ACTIVE);
		accepted(firearms.convert(id, new FirearmCommands.ConvertFirearm(FirearmType.CARBINE, "stock fitted", null),
				ACTOR, null));
		assertThat(queries.firearm(id).orElseThrow().type()).isEqualTo(FirearmType.CARBINE);
		assertThat(queries.firearm(id).orElseThrow().kinds().converted()).isTrue();
		accepted(firearms.reportLost(id, new FirearmCommands.ReportMissing(dealer, "LOSS-1", null), ACTOR, null));
		assertThat(status(id)).isEqualTo(FirearmStatus.LOST);
		assertThat(
				rules(firearms.transfer(id, new FirearmCommands.TransferFirearm(fixture.owner(), null), ACTOR, null)))
			.containsExactly("firearmId:LostFirearmCannotBeTransferred");
		accepted(firearms.recover(id, new FirearmCommands.RecordRecovery("Police", null), ACTOR, null));
		accepted(firearms.seize(id, new FirearmCommands.RecordSeizure("Police", "CASE-3", null), ACTOR, null));
		assertThat(status(id)).isEqualTo(FirearmStatus.SEIZED);
		accepted(firearms.destroy(id, new FirearmCommands.DestroyFirearm("smelting", List.of("Officer B"), null), ACTOR,
				null));

		RegistryQueries.FirearmView record = queries.firearm(id).orElseThrow();
		assertThat(record.status()).isEqualTo(FirearmStatus.DESTROYED);
		assertThat(record.markings()).extracting(Marking::kind).contains(MarkingKind.PROOF, MarkingKind.IMPORT);
		assertThat(record.timeline()).extracting(RegistryQueries.TimelineEvent::type)
			.containsExactly("registry.firearm-manufactured", "registry.firearm-marked", "registry.firearm-exported",
					"registry.transit-recorded", "registry.firearm-imported", "registry.firearm-converted",
					"registry.firearm-reported-lost", "registry.firearm-recovered", "registry.firearm-seized",
					"registry.firearm-destroyed");
	}

	@Test
	void aProductionRunRecordsEverySerialOrNone() {
		UUID maker = fixture.holder(HolderRole.MANUFACTURER, "AUT");
		String prefix = "RUN" + System.nanoTime() % 100_000 + "-";
		var run = new ProductionRuns.RegisterProductionRun(FirearmType.PISTOL, "Synthetic Arms", "P2", "9x19mm", "AUT",
				2026, maker, prefix, 1, 50, 4, LocalDate.now());
		long before = ledger.size();

		accepted(productionRuns.register(run, ACTOR, null));

		assertThat(ledger.size()).isEqualTo(before + 50);
		assertThat(queries.firearmsBySerial(prefix, 100)).hasSize(50)
			.extracting(RegistryQueries.FirearmSummary::serial)
			.contains(prefix + "0001", prefix + "0050");
		var overlapping = new ProductionRuns.RegisterProductionRun(FirearmType.PISTOL, "Synthetic Arms", "P2", "9x19mm",
				"AUT", 2026, maker, prefix, 45, 10, 4, null);
		assertThat(rules(productionRuns.register(overlapping, ACTOR, null))).hasSize(6)
			.allMatch(r -> r.equals("serialPrefix:MarkingIsUnique"));
		var tooLarge = new ProductionRuns.RegisterProductionRun(FirearmType.PISTOL, "Synthetic Arms", "P2", "9x19mm",
				"AUT", 2026, maker, "BIG" + prefix, 1, 1_001, 4, null);
		assertThat(rules(productionRuns.register(tooLarge, ACTOR, null))).containsExactly("count:ProductionRunSize");
		assertThat(ledger.size()).isEqualTo(before + 50);
	}

	private FirearmStatus status(UUID id) {
		return queries.firearm(id).orElseThrow().status();
	}

}
