package org.armstrace.registry;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
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

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.armstrace.ledger.Ledger;
import org.armstrace.ledger.LedgerEntry;
import org.armstrace.reference.Names;
import org.armstrace.registry.RegistryEvent.LegacyFirearmImported;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes legacy firearm records over from a CSV file, streaming, in batches of one transaction each: every row is
 * either imported or written to the rejects file with its row number and every reason. A row whose legacy_ref is
 * already in the registry with the same maker and serial is skipped, so importing a file again adds nothing.
 */
@Service
public class LegacyImport {

	public static final List<String> COLUMNS = List.of("legacy_ref", "make", "model", "type", "calibre", "serial",
			"country_of_manufacture", "year", "holder_ref", "status");

	/** Rows per transaction: large enough to amortise the lookups, small enough to keep memory flat. */
	static final int BATCH = 5_000;

	/**
	 * @param rows data rows read; @param imported new firearms; @param alreadyImported rows skipped because their
	 * legacy_ref was imported before; @param rejected rows written to the rejects file
	 */
	public record Report(UUID run, long rows, long imported, long alreadyImported, long rejected, long millis) {
	}

	private record Row(long number, CSVRecord record, List<String> reasons) {
		String get(String column) {
			String value = record.isMapped(column) ? record.get(column) : "";
			return value == null || value.isBlank() ? null : value.trim();
		}
	}

	private final Ledger ledger;

	private final RegistryProjection projection;

	private final RegistryState state;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	LegacyImport(Ledger ledger, RegistryProjection projection, RegistryState state, JdbcClient jdbc,
			TransactionTemplate transactions) {
		this.ledger = ledger;
		this.projection = projection;
		this.state = state;
		this.jdbc = jdbc;
		this.transactions = transactions;
	}

	/**
	 * @param rejects receives the refused rows: their columns, then row_number and reason
	 * @param progress told the number of rows done after every batch
	 */
	public Report importCsv(Reader csv, Writer rejects, String actor, LongConsumer progress) throws IOException {
		long started = System.nanoTime();
		UUID run = UUID.randomUUID();
		CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
			.setIgnoreEmptyLines(true).get();
		long rows = 0;
		long[] counts = new long[3];
		try (CSVParser parser = format.parse(csv)) {
			List<String> missing = COLUMNS.stream()
				.filter(c -> !parser.getHeaderMap().containsKey(c) && !c.equals("model") && !c.equals("calibre")
						&& !c.equals("year") && !c.equals("holder_ref") && !c.equals("status"))
				.toList();
			if (!missing.isEmpty()) {
				throw new IllegalArgumentException("the CSV header lacks the column(s) " + missing + "; expected "
						+ String.join(",", COLUMNS));
			}
			List<String> header = new ArrayList<>(parser.getHeaderNames());
			header.add("row_number");
			header.add("reason");
			CSVPrinter rejected = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get()
				.print(rejects);
			List<Row> batch = new ArrayList<>(BATCH);
			for (CSVRecord record : parser) {
				batch.add(new Row(record.getRecordNumber(), record, new ArrayList<>()));
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
		}
		return new Report(run, rows, counts[0], counts[1], counts[2], (System.nanoTime() - started) / 1_000_000);
	}

	private void importBatch(List<Row> batch, UUID run, String actor, long[] counts, CSVPrinter rejects) {
		if (batch.isEmpty()) {
			return;
		}
		batch.forEach(LegacyImport::validate);
		List<LegacyFirearmImported> events = transactions.execute(status -> {
			ledger.lockForAppend();
			List<Row> candidates = batch.stream().filter(r -> r.reasons().isEmpty()).toList();
			Map<String, String> knownRefs = existingLegacyRefs(candidates);
			Map<String, UUID> holders = holders(candidates);
			Set<String> markings = existingMarkings(candidates);
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
						row.reasons().add("legacy_ref: LegacyReferenceIsUnique: '" + ref
								+ "' was imported before with another maker, country or serial");
					}
					continue;
				}
				if (!refsInBatch.add(ref)) {
					row.reasons().add("legacy_ref: LegacyReferenceIsUnique: '" + ref + "' appears twice in the file");
				}
				if (!markings.add(marking)) {
					row.reasons().add("serial: MarkingIsUnique: another firearm already bears this maker, country "
							+ "and serial");
				}
				String holderRef = row.get("holder_ref");
				if (holderRef != null && !holders.containsKey(holderRef)) {
					row.reasons().add("holder_ref: HolderMustExist: no holder with licence reference '" + holderRef
							+ "'");
				}
				if (row.reasons().isEmpty()) {
					accepted.add(row);
				}
			}
			if (accepted.isEmpty()) {
				return List.of();
			}
			List<String> numbers = state.reserveRecordNumbers(FirearmCommands.RECORD_PREFIX, accepted.size());
			List<LegacyFirearmImported> imported = new ArrayList<>(accepted.size());
			for (int i = 0; i < accepted.size(); i++) {
				Row row = accepted.get(i);
				imported.add(new LegacyFirearmImported(UUID.randomUUID(), numbers.get(i), type(row.get("type")),
						row.get("make"), row.get("model"), row.get("calibre"), row.get("serial"),
						row.get("country_of_manufacture"), row.get("year") == null ? null
								: Integer.valueOf(row.get("year")),
						row.get("holder_ref") == null ? null : holders.get(row.get("holder_ref")), row.get("legacy_ref"),
						status(row.get("status")), run));
			}
			List<LedgerEntry> entries = ledger.append(actor, imported);
			projection.insertLegacy(imported, entries.stream().map(LedgerEntry::seq).toList());
			projection.advanceTo(entries.getLast().seq());
			return imported;
		});
		counts[0] += events.size();
		for (Row row : batch) {
			if (!row.reasons().isEmpty()) {
				counts[2]++;
				List<String> values = new ArrayList<>(row.record().toList());
				values.add(Long.toString(row.number()));
				values.add(String.join("; ", row.reasons()));
				try {
					rejects.printRecord(values);
				}
				catch (IOException e) {
					throw new UncheckedIOException("cannot write the rejects file", e);
				}
			}
		}
	}

	/** Checks one row on its own; the reasons name the column and the rule. */
	private static void validate(Row row) {
		List<String> reasons = row.reasons();
		require(row, "legacy_ref", 100, reasons);
		require(row, "make", 200, reasons);
		if (row.get("model") != null && row.get("model").length() > 200) {
			reasons.add("model: FieldIsTooLong: at most 200 characters");
		}
		if (row.get("type") == null || type(row.get("type")) == null) {
			reasons.add("type: FirearmTypeIsKnown: '" + row.get("type") + "' is not one of "
					+ java.util.Arrays.toString(FirearmType.values()));
		}
		String serialProblem = SerialNumbers.problem(row.get("serial"));
		if (serialProblem != null) {
			reasons.add("serial: SerialNumberFormat: " + serialProblem);
		}
		if (!org.armstrace.reference.CountryCode.isValid(row.get("country_of_manufacture"))) {
			reasons.add("country_of_manufacture: CountryIsIso3166Alpha3: '" + row.get("country_of_manufacture")
					+ "' is not an ISO 3166-1 alpha-3 code");
		}
		String year = row.get("year");
		if (year != null && (!year.matches("\\d{4}") || Integer.parseInt(year) < 1300
				|| Integer.parseInt(year) > java.time.Year.now().getValue() + 1)) {
			reasons.add("year: YearIsPlausible: '" + year + "' is not a year between 1300 and next year");
		}
		if (row.get("status") != null && status(row.get("status")) == null) {
			reasons.add("status: FirearmStatusIsKnown: '" + row.get("status") + "' is not one of "
					+ java.util.Arrays.toString(FirearmStatus.values()));
		}
	}

	private static void require(Row row, String column, int max, List<String> reasons) {
		String value = row.get(column);
		if (value == null) {
			reasons.add(column + ": FieldIsRequired: empty");
		}
		else if (value.length() > max) {
			reasons.add(column + ": FieldIsTooLong: at most " + max + " characters");
		}
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
			.query((rs, n) -> known.put(rs.getString(1), rs.getString(2) + "|" + rs.getString(3) + "|"
					+ rs.getString(4)))
			.list();
		return known;
	}

	private Set<String> existingMarkings(List<Row> rows) {
		Set<String> markings = new HashSet<>();
		if (rows.isEmpty()) {
			return markings;
		}
		jdbc.sql("SELECT make_key, country_of_manufacture, serial_key FROM firearm WHERE serial_key = ANY (?)")
			.param(array(rows.stream().map(r -> SerialNumbers.key(r.get("serial")))))
			.query((rs, n) -> markings.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3)))
			.list();
		return markings;
	}

	private Map<String, UUID> holders(List<Row> rows) {
		if (rows.stream().allMatch(r -> r.get("holder_ref") == null)) {
			return Map.of();
		}
		return jdbc.sql("SELECT licence_reference, id FROM holder WHERE licence_reference = ANY (?)")
			.param(array(rows.stream().map(r -> r.get("holder_ref")).filter(r -> r != null)))
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getObject(2, UUID.class))).list().stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
	}

	/**
	 * The keys of a batch as one array parameter: a look-up with {@code = ANY (?)} keeps one plan, an index scan,
	 * however many keys (PostgreSQL's generic plan for a long IN list turns into a full scan).
	 */
	private static SqlArrayValue array(Stream<String> keys) {
		return new SqlArrayValue("varchar", keys.distinct().toArray());
	}


}
