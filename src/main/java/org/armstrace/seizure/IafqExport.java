package org.armstrace.seizure;

import java.io.StringWriter;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;

import org.armstrace.csv.CsvWriter;
import org.armstrace.reference.NonIndustrialCatalogue;
import org.armstrace.registry.RegistryQueries.FirearmSummary;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.tracing.TraceRequestQueries;
import org.armstrace.tracing.TraceRequestQueries.TraceOutcome;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seized-item data for a period the way UNODC's Illicit Arms Flows Questionnaire asks for
 * it: firearms and parts by type, make, calibre, country of manufacture, country of last
 * legal import, criminal context, legal basis, trace outcome and non-industrial kind and
 * design (craft-made, 3D-printed, converted: Working Group DP 5-6); ammunition rounds by
 * calibre; and the item list they are counted from. Field mapping: docs/iafq.md.
 */
@Service
public class IafqExport {

	/**
	 * One counted table: its title, the IAFQ dimension it answers, and counts by value.
	 */
	public record Table(String name, String dimension, Map<String, Long> counts) {

		public long total() {
			return counts.values().stream().mapToLong(Long::longValue).sum();
		}

	}

	public record Report(LocalDate from, LocalDate to, long seizures, long firearms, long parts, long rounds,
			List<Table> tables, List<List<String>> items) {
	}

	static final List<String> ITEM_COLUMNS = List.of("seizure", "seized_on", "country", "place_kind", "legal_basis",
			"criminal_context", "item", "kind", "firearm_type", "make", "calibre", "country_of_manufacture",
			"country_of_last_legal_import", "part_kind", "quantity", "trace_outcome", "record_number",
			"non_industrial_entry", "non_industrial_name", "non_industrial_kind");

	/**
	 * The value of the non-industrial tables for a firearm linked to no catalogue entry.
	 */
	static final String NO_DESIGN = "NONE";

	/**
	 * A period's items through the items' own date (index {@code seized_item_seized_on}),
	 * joined to just the period's seizures: both dates are the seizure's.
	 */
	private static final String ITEMS = "SELECT s.reference, s.seized_on, s.country, s.place_kind, s.legal_basis, "
			+ "s.criminal_context, i.item_number, i.kind, i.firearm_type, i.make, i.calibre, i.country_of_manufacture, "
			+ "i.country_of_last_import, i.part_kind, i.quantity, i.trace_exception, i.trace_request_id, i.firearm_id, "
			+ "i.non_industrial_entry, i.non_industrial_kind FROM seized_item i JOIN seizure s ON s.id = i.seizure_id "
			+ "WHERE i.seized_on BETWEEN ? AND ? AND s.seized_on BETWEEN ? AND ?";

	/**
	 * The item list's order: sorted here, not by the database, which sorts a year's wide
	 * rows on disk (measured: slower).
	 */
	private static final Comparator<Item> LISTED = Comparator.comparing(Item::seizedOn)
		.thenComparing(Item::reference)
		.thenComparingInt(Item::itemNumber);

	/** Reads the records while the traces are read, on a thread of its own. */
	private static final Executor READERS = Executors.newVirtualThreadPerTaskExecutor();

	private final JdbcClient jdbc;

	private final RegistryQueries registry;

	private final TraceRequestQueries traceRequests;

	private final NonIndustrialCatalogue nonIndustrial;

	IafqExport(JdbcClient jdbc, RegistryQueries registry, TraceRequestQueries traceRequests,
			NonIndustrialCatalogue nonIndustrial) {
		this.nonIndustrial = nonIndustrial;
		this.jdbc = jdbc;
		this.registry = registry;
		this.traceRequests = traceRequests;
	}

	/** The counts for seizures made from {@code from} to {@code to}, both included. */
	@Transactional(readOnly = true)
	public Report report(LocalDate from, LocalDate to) {
		if (from == null || to == null || to.isBefore(from)) {
			throw new IllegalArgumentException("from, to: give a period whose end is not before its start");
		}
		Map<String, Map<String, Long>> byDimension = new LinkedHashMap<>();
		for (String d : List.of("firearm_type", "make", "calibre", "country_of_manufacture",
				"country_of_last_legal_import", "criminal_context", "legal_basis", "trace_outcome",
				"non_industrial_kind", "non_industrial_entry")) {
			byDimension.put(d, new TreeMap<>());
		}
		Map<String, Long> rounds = new TreeMap<>();
		Map<String, String> designs = new HashMap<>();
		nonIndustrial.entries().forEach(e -> designs.put(e.code(), e.name()));
		long[] totals = new long[3];
		List<Item> seized = new ArrayList<>(jdbc.sql(ITEMS).params(from, to, from, to).query(Item::of).list());
		seized.sort(LISTED);
		List<List<String>> items = new ArrayList<>(seized.size());
		// what the records and the traces say: one statement each, both at once
		Set<UUID> firearmIds = seized.stream()
			.map(Item::firearmId)
			.filter(Objects::nonNull)
			.collect(Collectors.toSet());
		CompletableFuture<Map<UUID, FirearmSummary>> recordsRead = CompletableFuture
			.supplyAsync(() -> registry.firearmSummaries(firearmIds), READERS);
		Map<UUID, TraceOutcome> traces = new HashMap<>();
		traceRequests
			.outcomesOf(seized.stream().map(Item::traceRequestId).filter(Objects::nonNull).collect(Collectors.toSet()))
			.forEach(o -> traces.put(o.id(), o));
		Map<UUID, FirearmSummary> records = recordsRead.join();
		for (Item i : seized) {
			String kind = i.kind();
			// what the record says wins over what was read, when the item was matched
			FirearmSummary recorded = i.firearmId() == null ? null : records.get(i.firearmId());
			String recordNumber = recorded == null ? null : recorded.recordNumber();
			String type = or(recorded == null ? null : recorded.type().name(), i.firearmType());
			String make = or(recorded == null ? null : recorded.make(), i.make());
			String calibre = or(recorded == null ? null : recorded.calibre(), i.calibre());
			String country = or(recorded == null ? null : recorded.countryOfManufacture(), i.countryOfManufacture());
			TraceOutcome trace = i.traceRequestId() == null ? null : traces.get(i.traceRequestId());
			// an answer holds a chain of custody exactly when it identified a record
			String outcome = outcome(kind, i.traceException(), trace == null ? null : trace.state().name(),
					trace != null && trace.answeredOn() != null && trace.identified(), i.traceRequestId() != null);
			Long quantity = i.quantity();
			String design = i.nonIndustrialEntry();
			items.add(itemRow(i, type, make, calibre, country, outcome, recordNumber, design,
					design == null ? null : designs.getOrDefault(design, design)));
			if ("AMMUNITION".equals(kind)) {
				totals[2] += quantity == null ? 0 : quantity;
				rounds.merge(unknown(calibre), quantity == null ? 0 : quantity, Long::sum);
				continue;
			}
			totals["FIREARM".equals(kind) ? 0 : 1]++;
			if (!"FIREARM".equals(kind)) {
				continue; // parts are counted in the item list and the totals, not in the
							// firearm tables
			}
			count(byDimension, "firearm_type", type);
			count(byDimension, "make", make);
			count(byDimension, "calibre", calibre);
			count(byDimension, "country_of_manufacture", country);
			count(byDimension, "country_of_last_legal_import", i.countryOfLastImport());
			count(byDimension, "criminal_context", i.criminalContext());
			count(byDimension, "legal_basis", i.legalBasis());
			count(byDimension, "trace_outcome", outcome);
			// NONE: no catalogue entry is linked, so every table still totals the
			// firearms
			count(byDimension, "non_industrial_kind", or(i.nonIndustrialKind(), NO_DESIGN));
			count(byDimension, "non_industrial_entry", or(design, NO_DESIGN));
		}
		List<Table> tables = tables(byDimension, rounds);
		long seizures = jdbc.sql("SELECT COUNT(*) FROM seizure WHERE seized_on BETWEEN ? AND ?")
			.params(from, to)
			.query(Long.class)
			.single();
		return new Report(from, to, seizures, totals[0], totals[1], totals[2], tables, items);
	}

	/** A seized item with its seizure, as the export reads it. */
	private record Item(String reference, LocalDate seizedOn, String country, String placeKind, String legalBasis,
			String criminalContext, int itemNumber, String kind, String firearmType, String make, String calibre,
			String countryOfManufacture, String countryOfLastImport, String partKind, Long quantity,
			String traceException, UUID traceRequestId, UUID firearmId, String nonIndustrialEntry,
			String nonIndustrialKind) {

		/**
		 * By column position, in {@link #ITEMS}' order: a year's 150,000 rows read
		 * faster.
		 */
		static Item of(ResultSet rs, int n) throws SQLException {
			return new Item(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getInt(7), rs.getString(8), rs.getString(9), rs.getString(10),
					rs.getString(11), rs.getString(12), rs.getString(13), rs.getString(14),
					rs.getObject(15, Long.class), rs.getString(16), rs.getObject(17, UUID.class),
					rs.getObject(18, UUID.class), rs.getString(19), rs.getString(20));
		}

	}

	/** One item as the item sheet lists it, in {@link #ITEM_COLUMNS}' order. */
	private static List<String> itemRow(Item i, String type, String make, String calibre, String country,
			String outcome, String recordNumber, String design, String designName) {
		return Arrays.asList(i.reference(), i.seizedOn().toString(), i.country(), i.placeKind(), i.legalBasis(),
				i.criminalContext(), Integer.toString(i.itemNumber()), i.kind(), type, make, calibre, country,
				i.countryOfLastImport(), i.partKind(), i.quantity() == null ? null : i.quantity().toString(), outcome,
				recordNumber, design, designName, i.nonIndustrialKind());
	}

	/**
	 * The questionnaire's tables: firearms by each dimension, then ammunition rounds by
	 * calibre.
	 */
	private static List<Table> tables(Map<String, Map<String, Long>> byDimension, Map<String, Long> rounds) {
		List<Table> tables = new ArrayList<>();
		String[][] names = { { "Firearms by type", "firearm_type" }, { "Firearms by make", "make" },
				{ "Firearms by calibre", "calibre" },
				{ "Firearms by country of manufacture", "country_of_manufacture" },
				{ "Firearms by country of last legal import", "country_of_last_legal_import" },
				{ "Firearms by criminal context", "criminal_context" }, { "Firearms by legal basis", "legal_basis" },
				{ "Firearms by trace outcome", "trace_outcome" },
				{ "Firearms by non-industrial kind", "non_industrial_kind" },
				{ "Firearms by non-industrial design", "non_industrial_entry" } };
		for (String[] n : names) {
			tables.add(new Table(n[0], n[1], byDimension.get(n[1])));
		}
		tables.add(new Table("Ammunition rounds by calibre", "calibre", rounds));
		return tables;
	}

	private static void count(Map<String, Map<String, Long>> by, String dimension, String value) {
		by.get(dimension).merge(unknown(value), 1L, Long::sum);
	}

	private static String unknown(String value) {
		return value == null || value.isBlank() ? "UNKNOWN" : value;
	}

	private static String or(String recorded, String observed) {
		return recorded != null && !recorded.isBlank() ? recorded : observed;
	}

	/**
	 * TRACED, UNRESOLVED, PENDING, NOT_TRACED (an ISACS 05.31 exception),
	 * NO_TRACE_REQUEST; ammunition: none.
	 */
	static String outcome(String kind, String exception, String state, boolean traced, boolean requested) {
		if ("AMMUNITION".equals(kind)) {
			return null;
		}
		if (exception != null) {
			return "NOT_TRACED_EXCEPTION";
		}
		if (!requested) {
			return "NO_TRACE_REQUEST";
		}
		if ("ANSWERED".equals(state) || "CLOSED".equals(state)) {
			return traced ? "TRACED" : "UNRESOLVED";
		}
		return "UNRESOLVED".equals(state) ? "UNRESOLVED" : "PENDING";
	}

	/**
	 * The report as a workbook: summary, one sheet per table, items (see
	 * {@link IafqWorkbook}).
	 */
	public byte[] xlsx(Report report) {
		return IafqWorkbook.of(report);
	}

	/** The counted tables as one CSV: table, dimension, value, count. */
	public String csv(Report report) {
		StringWriter out = new StringWriter();
		CsvWriter csv = new CsvWriter(out).row("table", "dimension", "value", "count");
		csv.row("Summary", "seizures", "all", report.seizures());
		csv.row("Summary", "firearms", "all", report.firearms());
		csv.row("Summary", "parts", "all", report.parts());
		csv.row("Summary", "rounds", "all", report.rounds());
		for (Table table : report.tables()) {
			for (Map.Entry<String, Long> e : table.counts().entrySet()) {
				csv.row(table.name(), table.dimension(), e.getKey(), e.getValue());
			}
		}
		return out.toString();
	}

	/** The item list the tables are counted from, as CSV. */
	public String itemsCsv(Report report) {
		StringWriter out = new StringWriter();
		CsvWriter csv = new CsvWriter(out).row(ITEM_COLUMNS);
		for (List<String> item : report.items()) {
			csv.row(item);
		}
		return out.toString();
	}

}
