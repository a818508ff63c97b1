package org.armstrace.registry;

import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.armstrace.command.Checks;
import org.armstrace.csv.CsvReader;
import org.armstrace.csv.CsvWriter;

/**
 * The rows of a legacy file as the import reads them: by column name, trimmed, with the
 * quote that ArmsTrace's own CSVs put before a formula-like value taken off (a corrected
 * rejects file imports what it shows). A UTF-8 byte-order mark before the header is
 * dropped; a row that does not fit the header (short, with extra values, or a quote left
 * open) is refused as that row, with its rule, and the file goes on.
 */
final class LegacyRows {

	/** The columns a row may leave empty and a file may leave out. */
	private static final Set<String> OPTIONAL = Set.of("model", "calibre", "year", "holder_ref", "status");

	/** One row, with the refusals found so far. */
	record Row(long number, List<String> cells, Map<String, Integer> columns, int width, Checks checks) {

		/** The value in a column, trimmed; null when empty or absent. */
		String get(String column) {
			Integer i = columns.get(column);
			String value = i == null || i >= cells.size() ? "" : CsvWriter.restore(cells.get(i).trim());
			return value.isBlank() ? null : value.trim();
		}

		/** The values as sent, one per header column, for the rejects file. */
		List<String> asSent() {
			List<String> values = new ArrayList<>(cells.subList(0, Math.min(width, cells.size())));
			while (values.size() < width) {
				values.add("");
			}
			return values;
		}

	}

	private final CsvReader csv;

	private final Map<String, Integer> columns = new HashMap<>();

	/**
	 * Reads the header.
	 * @throws IllegalArgumentException when it lacks a required column
	 */
	LegacyRows(Reader reader) throws IOException {
		this.csv = new CsvReader(reader);
		List<String> header = csv.header();
		for (int i = header.size() - 1; i >= 0; i--) {
			columns.put(header.get(i), i);
		}
		List<String> missing = LegacyImport.COLUMNS.stream()
			.filter(c -> !columns.containsKey(c) && !OPTIONAL.contains(c))
			.toList();
		if (!missing.isEmpty()) {
			throw new IllegalArgumentException("the CSV header lacks the column(s) " + missing + "; expected "
					+ String.join(",", LegacyImport.COLUMNS));
		}
	}

	List<String> header() {
		return csv.header();
	}

	/** The next row, already refused when it does not fit the header; null at the end. */
	Row next() throws IOException {
		CsvReader.Row read = csv.next();
		if (read == null) {
			return null;
		}
		int width = csv.header().size();
		Row row = new Row(read.number(), read.cells(), columns, width, new Checks());
		if (read.problem() != null) {
			switch (read.problem()) {
				case MISSING_COLUMNS ->
					row.checks().add("row", RegistryRule.RowHasEveryColumn, read.cells().size(), width);
				case EXTRA_COLUMNS -> row.checks()
					.add("row", RegistryRule.RowHasNoExtraColumn, read.cells().size(), width,
							String.join(", ", read.extra(width).stream().filter(v -> !v.isBlank()).toList()));
				case UNCLOSED_QUOTE ->
					row.checks().add("row", RegistryRule.QuotedFieldIsClosed, CsvReader.MAX_ROW_CHARS);
				case TOO_LONG -> row.checks().add("row", RegistryRule.RowIsNotTooLong, CsvReader.MAX_ROW_CHARS);
			}
		}
		return row;
	}

}
