package org.armstrace.registry;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.armstrace.command.Checks;
import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommonRule;
import org.armstrace.command.Decision;
import org.armstrace.command.Refusal;
import org.armstrace.command.Words;
import org.armstrace.csv.CsvWriter;
import org.armstrace.reference.Names;
import org.armstrace.registry.LegacyRows.Row;
import org.armstrace.registry.RegistryEvent.LegacyFirearmImported;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;

/**
 * Takes legacy firearm records over from a CSV file, streaming, in batches of one
 * transaction each: every row is either imported or written to the rejects file with its
 * row number and every reason. A row whose legacy_ref is already in the registry with the
 * same maker and serial is skipped, so importing a file again adds nothing.
 */
@Service
public class LegacyImport {

	public static final List<String> COLUMNS = List.of("legacy_ref", "make", "model", "type", "calibre", "serial",
			"country_of_manufacture", "year", "holder_ref", "status");

	/**
	 * Rows per transaction: large enough to amortise the lookups, small enough to keep
	 * memory flat.
	 */
	static final int BATCH = 5_000;

	/**
	 * @param rows data rows read; @param imported new firearms; @param alreadyImported
	 * rows skipped because their legacy_ref was imported before; @param rejected rows
	 * written to the rejects file
	 */
	public record Report(UUID run, long rows, long imported, long alreadyImported, long rejected, long millis) {
	}

	private final CommandKernel.Commands<RegistryEvent> commands;

	private final RegistryState state;

	private final JdbcClient jdbc;

	private final Words words;

	LegacyImport(CommandKernel kernel, RegistryProjection projection, RegistryState state, JdbcClient jdbc,
			Words words) {
		this.commands = kernel.commandsFor(projection);
		this.state = state;
		this.jdbc = jdbc;
		this.words = words;
	}

	/**
	 * @param rejects receives the refused rows: their columns, then row_number and reason
	 * @param progress told the number of rows done after every batch
	 */
	public Report importCsv(Reader csv, Writer rejects, String actor, LongConsumer progress) throws IOException {
		long started = System.nanoTime();
		UUID run = UUID.randomUUID();
		long rows = 0;
		long[] counts = new long[3];
		LegacyRows file = new LegacyRows(csv);
		List<String> header = new ArrayList<>(file.header());
		header.add("row_number");
		header.add("reason");
		CsvWriter rejected = new CsvWriter(rejects).row(header);
		List<Row> batch = new ArrayList<>(BATCH);
		for (Row row = file.next(); row != null; row = file.next()) {
			batch.add(row);
			rows++;
			if (batch.size() == BATCH) {
				importBatch(batch, run, actor, counts, rejected);
				progress.accept(rows);
				batch.clear();
			}
		}
		importBatch(batch, run, actor, counts, rejected);
		progress.accept(rows);
		rejected.flush();
		return new Report(run, rows, counts[0], counts[1], counts[2], (System.nanoTime() - started) / 1_000_000);
	}

	private void importBatch(List<Row> batch, UUID run, String actor, long[] counts, CsvWriter rejects) {
		if (batch.isEmpty()) {
			return;
		}
		// a row that does not fit the header is refused for that alone
		batch.stream().filter(r -> !r.checks().failed()).forEach(LegacyImport::validate);
		long[] imported = { 0 };
		commands.run("import-legacy-firearms", actor, null, () -> {
			List<Row> accepted = acceptable(batch.stream().filter(r -> !r.checks().failed()).toList(), counts);
			List<String> numbers = accepted.isEmpty() ? List.of()
					: state.reserveRecordNumbers(FirearmCommands.RECORD_PREFIX, accepted.size());
			Map<String, UUID> holders = holders(accepted);
			List<LegacyFirearmImported> events = new ArrayList<>(accepted.size());
			for (int i = 0; i < accepted.size(); i++) {
				Row row = accepted.get(i);
				events.add(new LegacyFirearmImported(UUID.randomUUID(), numbers.get(i), type(row.get("type")),
						row.get("make"), row.get("model"), row.get("calibre"), row.get("serial"),
						row.get("country_of_manufacture"),
						row.get("year") == null ? null : Integer.valueOf(row.get("year")),
						row.get("holder_ref") == null ? null : holders.get(row.get("holder_ref")),
						row.get("legacy_ref"), status(row.get("status")), run));
			}
			imported[0] = events.size();
			return Decision.record(run, events);
		});
		counts[0] += imported[0];
		for (Row row : batch) {
			if (row.checks().failed()) {
				counts[2]++;
				List<String> values = new ArrayList<>(row.asSent());
				values.add(Long.toString(row.number()));
				values.add(String.join("; ", row.checks().refusals().stream().map(this::reason).toList()));
				rejects.row(values);
			}
		}
	}

	/** A reason in the rejects file: column, rule, and the rule's English sentence. */
	private String reason(Refusal refusal) {
		return refusal.field() + ": " + refusal.rule().name() + ": " + words.english(refusal);
	}

	/**
	 * The rows of a batch that the registry accepts (under the append lock): a legacy_ref
	 * imported before with the same marking is counted as already imported; the others
	 * are checked against the registry and each other.
	 */
	private List<Row> acceptable(List<Row> candidates, long[] counts) {
		Map<String, String> knownRefs = existingLegacyRefs(candidates);
		Map<String, UUID> holders = holders(candidates);
		Map<String, String> markings = existingMarkings(candidates);
		Set<String> refsInBatch = new HashSet<>();
		List<Row> accepted = new ArrayList<>();
		for (Row row : candidates) {
			String ref = row.get("legacy_ref");
			String marking = markingKey(row);
			if (knownRefs.containsKey(ref)) {
				if (knownRefs.get(ref).equals(marking)) {
					counts[1]++;
				}
				else {
					row.checks().add("legacy_ref", RegistryRule.LegacyReferenceIsUnique, ref);
				}
				continue;
			}
			row.checks().rule(refsInBatch.add(ref), "legacy_ref", RegistryRule.LegacyReferenceIsUnique, ref);
			String twin = markings.putIfAbsent(marking, ref);
			row.checks()
				.rule(twin == null, "serial", RegistryRule.MarkingIsUnique, row.get("make"),
						row.get("country_of_manufacture"), row.get("serial"), twin);
			String holderRef = row.get("holder_ref");
			row.checks()
				.rule(holderRef == null || holders.containsKey(holderRef), "holder_ref", RegistryRule.HolderMustExist,
						holderRef);
			if (!row.checks().failed()) {
				accepted.add(row);
			}
		}
		return accepted;
	}

	/**
	 * Checks one row on its own, with the rules a registration through the API is checked
	 * with.
	 */
	private static void validate(Row row) {
		Checks checks = row.checks();
		checks.require("legacy_ref", row.get("legacy_ref"))
			.maxLength("legacy_ref", row.get("legacy_ref"), 100)
			.require("make", row.get("make"))
			.maxLength("make", row.get("make"), 200)
			.maxLength("model", row.get("model"), 200)
			.maxLength("calibre", row.get("calibre"), 100);
		checks.rule(type(row.get("type")) != null, "type", RegistryRule.FirearmTypeIsKnown, row.get("type"),
				Arrays.toString(FirearmType.values()));
		SerialNumbers.check(checks, "serial", row.get("serial"));
		checks.country("country_of_manufacture", row.get("country_of_manufacture"));
		String year = row.get("year");
		if (year != null && !year.matches("\\d{4}")) {
			checks.add("year", CommonRule.YearIsPlausible, year);
		}
		else if (year != null) {
			checks.year("year", Integer.valueOf(year));
		}
		checks.rule(status(row.get("status")) != null, "status", RegistryRule.FirearmStatusIsKnown, row.get("status"),
				Arrays.toString(FirearmStatus.values()));
	}

	static FirearmType type(String text) {
		String key = text == null ? "" : text.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
		if (key.equals("SMG")) {
			return FirearmType.SUBMACHINE_GUN;
		}
		try {
			return FirearmType.valueOf(key);
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	static FirearmStatus status(String text) {
		if (text == null) {
			return FirearmStatus.ACTIVE;
		}
		try {
			return FirearmStatus.valueOf(text.trim().toUpperCase(Locale.ROOT).replaceAll("[\\s-]+", "_"));
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static String markingKey(Row row) {
		return Names.makerKey(row.get("make")) + "|" + row.get("country_of_manufacture") + "|"
				+ SerialNumbers.key(row.get("serial"));
	}

	/** legacy_ref to the marking key of the firearm already imported under it. */
	private Map<String, String> existingLegacyRefs(List<Row> rows) {
		Map<String, String> known = new HashMap<>();
		if (rows.isEmpty()) {
			return known;
		}
		jdbc.sql("SELECT legacy_reference, make_key, country_of_manufacture, serial_key FROM firearm "
				+ "WHERE legacy_reference = ANY (?)")
			.param(array(rows.stream().map(r -> r.get("legacy_ref"))))
			.query((rs, n) -> known.put(rs.getString(1),
					rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getString(4)))
			.list();
		return known;
	}

	/**
	 * The marking keys of a batch already on the record, with the record number that
	 * bears each.
	 */
	private Map<String, String> existingMarkings(List<Row> rows) {
		Map<String, String> markings = new HashMap<>();
		if (rows.isEmpty()) {
			return markings;
		}
		jdbc.sql("SELECT make_key, country_of_manufacture, serial_key, record_number FROM firearm "
				+ "WHERE serial_key = ANY (?)")
			.param(array(rows.stream().map(r -> SerialNumbers.key(r.get("serial")))))
			.query((rs, n) -> markings.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3),
					rs.getString(4)))
			.list();
		return markings;
	}

	private Map<String, UUID> holders(List<Row> rows) {
		if (rows.stream().allMatch(r -> r.get("holder_ref") == null)) {
			return Map.of();
		}
		return jdbc.sql("SELECT licence_reference, id FROM holder WHERE licence_reference = ANY (?)")
			.param(array(rows.stream().map(r -> r.get("holder_ref")).filter(r -> r != null)))
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
	}

	/**
	 * The keys of a batch as one array parameter: a look-up with {@code = ANY (?)} keeps
	 * one plan, an index scan, however many keys (PostgreSQL's generic plan for a long IN
	 * list turns into a full scan).
	 */
	private static SqlArrayValue array(Stream<String> keys) {
		return new SqlArrayValue("varchar", keys.distinct().toArray());
	}

}
