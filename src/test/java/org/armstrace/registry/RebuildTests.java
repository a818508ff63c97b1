package org.armstrace.registry;

import static org.armstrace.registry.RegistryFixture.ACTOR;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

import org.armstrace.DatabaseTest;
import org.armstrace.command.CommandResult;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * The projections are a function of the ledger: after 1,000 random commands (many of them
 * refused by the rules), the tables rebuilt from the ledger alone equal the live ones,
 * row for row.
 */
@DatabaseTest
@TestPropertySource(properties = "armstrace.test.context=rebuild")
@DirtiesContext
class RebuildTests {

	static final int COMMANDS = 1_000;

	@Autowired
	RegistryFixture fixture;

	@Autowired
	FirearmCommands firearms;

	@Autowired
	PartCommands parts;

	@Autowired
	AmmunitionCommands ammunition;

	@Autowired
	RegistryRebuild rebuild;

	@Autowired
	LegacyImport legacyImport;

	@Autowired
	JdbcClient jdbc;

	final Random random = new Random(42);

	final List<UUID> holders = new ArrayList<>();

	final List<UUID> guns = new ArrayList<>();

	final List<UUID> partIds = new ArrayList<>();

	final List<UUID> lots = new ArrayList<>();

	@Test
	void tablesRebuiltFromTheLedgerEqualTheLiveOnes() throws Exception {
		for (int i = 0; i < 12; i++) {
			holders
				.add(fixture.holder(HolderRole.values()[i % HolderRole.values().length], i % 3 == 0 ? "DEU" : "AUT"));
		}
		int accepted = 0;
		for (int i = 0; i < COMMANDS; i++) {
			if (randomCommand() instanceof CommandResult.Accepted) {
				accepted++;
			}
		}
		StringBuilder legacy = new StringBuilder(String.join(",", LegacyImport.COLUMNS)).append('\n');
		for (int i = 0; i < 30; i++) {
			legacy.append("RB-")
				.append(i)
				.append(",Glock,17,pistol,9x19mm,RB")
				.append(i)
				.append(",AUT,2001,,")
				.append(i % 5 == 0 ? "stolen" : "")
				.append('\n');
		}
		assertThat(legacyImport.importCsv(new StringReader(legacy.toString()), new StringWriter(), ACTOR, n -> {
		}).imported()).isEqualTo(30);
		Map<String, List<Map<String, Object>>> live = snapshot();

		rebuild.rebuild();

		assertThat(accepted).as("a fair share of the random commands must pass the rules").isBetween(300, 990);
		assertThat(live.get("firearm")).hasSizeGreaterThan(100);
		Map<String, List<Map<String, Object>>> rebuilt = snapshot();
		for (String table : live.keySet()) {
			assertThat(rebuilt.get(table)).as(table).containsExactlyElementsOf(live.get(table));
		}
	}

	private CommandResult randomCommand() {
		int pick = random.nextInt(100);
		LocalDate day = LocalDate.of(2020, 1, 1).plusDays(random.nextInt(1500));
		if (pick < 25 || guns.isEmpty()) {
			String make = List.of("Synthetic Arms", "Example Works", "Demo Gunmakers").get(random.nextInt(3));
			var result = firearms.register(new FirearmCommands.RegisterFirearm(
					FirearmType.values()[random.nextInt(FirearmType.values().length)], null, make,
					"M" + random.nextInt(9), "9x19mm", "SYN" + random.nextInt(400),
					random.nextBoolean() ? "AUT" : "BEL", 2000 + random.nextInt(24), List.of(), any(holders), null,
					random.nextInt(20) == 0, day), ACTOR, null);
			remember(result, guns);
			return result;
		}
		UUID gun = any(guns);
		UUID holder = any(holders);
		return switch (pick % 14) {
			case 0 -> firearms.transfer(gun, new FirearmCommands.TransferFirearm(holder, day), ACTOR, null);
			case 1 -> firearms.reportStolen(gun, new FirearmCommands.ReportMissing(holder, "R", day), ACTOR, null);
			case 2 -> firearms.reportLost(gun, new FirearmCommands.ReportMissing(holder, "R", day), ACTOR, null);
			case 3 -> firearms.recover(gun, new FirearmCommands.RecordRecovery("Police", day), ACTOR, null);
			case 4 ->
				firearms.export(gun, new FirearmCommands.ExportFirearm("CHE", List.of("DEU"), "EXP", day), ACTOR, null);
			case 5 -> firearms.importFirearm(gun,
					new FirearmCommands.ImportFirearm("CHE", holder, 2024, random.nextBoolean(), "IMP", day), ACTOR,
					null);
			case 6 -> firearms.deactivate(gun, new FirearmCommands.DeactivateFirearm(random.nextBoolean() ? "C1" : null,
					"EU", "Proof House", "DEACT", day), ACTOR, null);
			case 7 -> firearms.destroy(gun, new FirearmCommands.DestroyFirearm("cut", List.of("W"), day), ACTOR, null);
			case 8 -> firearms.foundAfterDestruction(gun,
					new FirearmCommands.RecordFoundAfterDestruction("Customs", day), ACTOR, null);
			case 9 -> firearms.seize(gun, new FirearmCommands.RecordSeizure("Police", "CASE", day), ACTOR, null);
			case 10 -> firearms.addMarking(gun,
					new FirearmCommands.AddMarking(new Marking(MarkingKind.PROOF, "PROOF", null, null), day), ACTOR,
					null);
			case 11 -> partCommand(gun, day);
			case 12 -> ammunitionCommand(holder, day);
			default -> firearms.convert(gun, new FirearmCommands.ConvertFirearm(FirearmType.RIFLE, "rebarrelled", day),
					ACTOR, null);
		};
	}

	private CommandResult partCommand(UUID gun, LocalDate day) {
		if (partIds.isEmpty() || random.nextInt(3) == 0) {
			var result = parts.register(new PartCommands.RegisterPart(PartKind.BARREL, "Synthetic Arms", "9x19mm",
					"B" + random.nextInt(100_000), "AUT", List.of(), null, day), ACTOR, null);
			remember(result, partIds);
			return result;
		}
		return random.nextBoolean() ? parts.fit(any(partIds), new PartCommands.FitPart(gun, day), ACTOR, null)
				: parts.remove(any(partIds), new PartCommands.RemovePart(day), ACTOR, null);
	}

	private CommandResult ammunitionCommand(UUID holder, LocalDate day) {
		if (lots.isEmpty() || random.nextInt(3) == 0) {
			var result = ammunition.produce(new AmmunitionCommands.ProduceAmmunition("Synthetic Ammo", "9x19mm",
					"L" + random.nextInt(1000), "SA", 2024, holder, 1 + random.nextInt(1000), day), ACTOR, null);
			remember(result, lots);
			return result;
		}
		return random.nextBoolean()
				? ammunition.transfer(any(lots),
						new AmmunitionCommands.TransferAmmunition(holder, any(holders), 1 + random.nextInt(300), day),
						ACTOR, null)
				: ammunition.consume(any(lots),
						new AmmunitionCommands.ConsumeAmmunition(holder, 1 + random.nextInt(300), "use", day), ACTOR,
						null);
	}

	private UUID any(List<UUID> ids) {
		return ids.get(random.nextInt(ids.size()));
	}

	private static void remember(CommandResult result, List<UUID> ids) {
		if (result instanceof CommandResult.Accepted accepted) {
			ids.add(accepted.subjectId());
		}
	}

	private Map<String, List<Map<String, Object>>> snapshot() {
		Map<String, List<Map<String, Object>>> tables = new LinkedHashMap<>();
		for (String table : RegistryProjection.TABLES) {
			List<Map<String, Object>> rows = jdbc.sql("SELECT * FROM " + table)
				.query()
				.listOfRows()
				.stream()
				.map(row -> {
					Map<String, Object> normal = new LinkedHashMap<>();
					row.forEach((column, value) -> normal.put(column.toLowerCase(), value));
					return normal;
				})
				.sorted(Comparator.comparing(Object::toString))
				.toList();
			tables.put(table, rows);
		}
		return tables;
	}

}
