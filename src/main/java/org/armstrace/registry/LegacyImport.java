package org.armstrace.registry;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongConsumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.armstrace.command.Checks;
import org.armstrace.command.CommandKernel;
import org.armstrace.command.Decision;
import org.armstrace.command.Limits;
import org.armstrace.command.Refusal;
import org.armstrace.command.Words;
import org.armstrace.csv.CsvWriter;
import org.armstrace.reference.Catalogue;
import org.armstrace.reference.FirearmCategories;
import org.armstrace.reference.Countries;
import org.armstrace.reference.Names;
import org.armstrace.registry.LegacyMapping.Reading;
import org.armstrace.registry.LegacyRows.Row;
import org.armstrace.registry.RegistryEvent.LegacyFirearmImported;
import org.armstrace.registry.RegistryEvent.LegacyValuesKeptAsWritten;
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
	 * written to the rejects file; @param values the values of the imported rows read as
	 * reference data (make, calibre, type, country, year, status; empty ones not
	 * counted); @param valuesRead those read without an officer, exactly or as a likely
	 * misspelling; @param lowConfidence those read as a likely misspelling, queued for an
	 * officer to confirm
	 */
	public record Report(UUID run, long rows, long imported, long alreadyImported, long rejected, long millis,
			long values, long valuesRead, long lowConfidence) {

		/** The share of values read without an officer, in percent. */
		public double shareRead() {
			return values == 0 ? 100 : 100.0 * valuesRead / values;
		}

	}

	private final CommandKernel.Commands<RegistryEvent> commands;

	private final RegistryState state;

	private final JdbcClient jdbc;

	private final Words words;

	private final Countries countries;

	private final Catalogue catalogue;

	private final RecordReadings approvedReadings;

	private final FirearmCategories categories;

	LegacyImport(CommandKernel kernel, RegistryProjection projection, RegistryState state, JdbcClient jdbc, Words words,
			Countries countries, Catalogue catalogue, RecordReadings readings, FirearmCategories categories) {
		this.categories = categories;
		this.commands = kernel.commandsFor(projection);
		this.state = state;
		this.jdbc = jdbc;
		this.words = words;
		this.countries = countries;
		this.catalogue = catalogue;
		this.approvedReadings = readings;
	}

	/**
	 * @param rejects receives the refused rows: their columns, then row_number and reason
	 * @param progress told the number of rows done after every batch
	 */
	public Report importCsv(Reader csv, Writer rejects, String actor, LongConsumer progress) throws IOException {
		long started = System.nanoTime();
		UUID run = UUID.randomUUID();
		long rows = 0;
		// imported, already imported, rejected, values, values read, read with low
		// confidence
		long[] counts = new long[6];
		LegacyMapping mapping = new LegacyMapping(countries, catalogue, approvedReadings.approved());
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
				importBatch(batch, mapping, run, actor, counts, rejected);
				progress.accept(rows);
				batch.clear();
			}
		}
		importBatch(batch, mapping, run, actor, counts, rejected);
		progress.accept(rows);
		rejected.flush();
		return new Report(run, rows, counts[0], counts[1], counts[2], (System.nanoTime() - started) / 1_000_000,
				counts[3], counts[4], counts[5]);
	}

	private void importBatch(List<Row> batch, LegacyMapping mapping, UUID run, String actor, long[] counts,
			CsvWriter rejects) {
		if (batch.isEmpty()) {
			return;
		}
		// a row that does not fit the header is refused for that alone
		batch.stream().filter(r -> !r.checks().failed()).forEach(LegacyImport::validate);
		Map<Row, Reading> readings = new IdentityHashMap<>();
		batch.stream().filter(r -> !r.checks().failed()).forEach(r -> readings.put(r, mapping.read(r)));
		long[] imported = { 0 };
		commands.run("import-legacy-firearms", actor, null, () -> {
			List<Row> accepted = acceptable(batch.stream().filter(r -> !r.checks().failed()).toList(), readings,
					counts);
			List<String> numbers = accepted.isEmpty() ? List.of()
					: state.reserveRecordNumbers(FirearmCommands.RECORD_PREFIX, accepted.size());
			Map<String, UUID> holders = holders(accepted);
			List<RegistryEvent> events = new ArrayList<>(accepted.size());
			LocalDate today = LocalDate.now();
			for (int i = 0; i < accepted.size(); i++) {
				Row row = accepted.get(i);
				Reading reading = readings.get(row);
				UUID id = UUID.randomUUID();
				events.add(new LegacyFirearmImported(id, numbers.get(i), reading.type(), row.get("make"),
						row.get("model"), row.get("calibre"), row.get("serial"), reading.country(), reading.year(),
						row.get("holder_ref") == null ? null : holders.get(row.get("holder_ref")),
						row.get("legacy_ref"), reading.status(), run));
				if (!reading.kept().isEmpty()) {
					events.add(new LegacyValuesKeptAsWritten(id, reading.kept()));
				}
				category(row).ifPresent(category -> events
					.add(new RegistryEvent.FirearmClassified(id, category, FirearmCategories.UNCLASSIFIED, today)));
				counts[3] += reading.values();
				counts[4] += reading.read();
				counts[5] += reading.lowConfidence();
			}
			imported[0] = accepted.size();
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
	private List<Row> acceptable(List<Row> candidates, Map<Row, Reading> readings, long[] counts) {
		Map<String, String> knownRefs = existingLegacyRefs(candidates);
		Map<String, UUID> holders = holders(candidates);
		Map<String, String> markings = existingMarkings(candidates);
		Set<String> refsInBatch = new HashSet<>();
		List<Row> accepted = new ArrayList<>();
		for (Row row : candidates) {
			String ref = row.get("legacy_ref");
			String marking = markingKey(row, readings.get(row).country());
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
						readings.get(row).country(), row.get("serial"), twin);
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
	 * with, but for the values the import reads as reference data: those it cannot read
	 * are kept as written, never refused.
	 */
	private static void validate(Row row) {
		Checks checks = row.checks();
		checks.require("legacy_ref", row.get("legacy_ref"))
			.maxLength("legacy_ref", row.get("legacy_ref"), Limits.REFERENCE)
			.require("make", row.get("make"))
			.maxLength("make", row.get("make"), Limits.NAME)
			.maxLength("model", row.get("model"), Limits.NAME)
			.maxLength("calibre", row.get("calibre"), Limits.SHORT)
			.maxLength("type", row.get("type"), Limits.SHORT)
			.maxLength("country_of_manufacture", row.get("country_of_manufacture"), Limits.COUNTRY)
			.maxLength("year", row.get("year"), Limits.SHORT)
			.maxLength("status", row.get("status"), Limits.SHORT);
		SerialNumbers.check(checks, "serial", row.get("serial"));
	}

	private static String markingKey(Row row, String country) {
		return Names.makerKey(row.get("make")) + "|" + country + "|" + SerialNumbers.key(row.get("serial"));
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

	/**
	 * The category an optional {@code category} column gives, when the State's
	 * classification knows it; otherwise the firearm stays UNCLASSIFIED (and counts in
	 * the data-quality report's share of classified records).
	 */
	private Optional<String> category(Row row) {
		String written = row.get("category");
		if (written == null) {
			return Optional.empty();
		}
		String code = written.trim().toUpperCase(Locale.ROOT).replace("CATEGORY ", "").replace("CAT. ", "");
		return categories.isKnown(code) && !FirearmCategories.UNCLASSIFIED.equals(code) ? Optional.of(code)
				: Optional.empty();
	}

}
