package org.armstrace.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The CSV reader and writer fuzzed: every well-formed file reads as Commons CSV reads it,
 * whatever its cells hold; any text at all after a header is read to its end, row by row,
 * each row either as wide as the header or handed back with its problem (a line longer
 * than a row may be among them); and whatever ArmsTrace writes, including cells that
 * would start a formula, reads back as what it held. A short run in every build, a long
 * one with {@code ./mvnw test -Dtest=CsvProperties -Djqwik.tries.default=20000}.
 */
class CsvProperties {

	@Property
	void aWellFormedFileReadsCellForCellAsCommonsCsvReadsIt(@ForAll("tables") List<List<String>> table)
			throws IOException {
		StringWriter file = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(file, CSVFormat.DEFAULT)) {
			printer.printRecord(header(table.getFirst().size()));
			for (List<String> row : table) {
				printer.printRecord(row);
			}
		}

		List<List<String>> read = readAll(file.toString());

		assertThat(read).isEqualTo(table);
	}

	@Property
	void anyTextAfterAHeaderIsReadToItsEndRowByRow(@ForAll("hostileText") String text,
			@ForAll @IntRange(min = 1, max = 6) int columns) throws IOException {
		CsvReader reader = new CsvReader(new StringReader(String.join(",", header(columns)) + "\n" + text));
		long lastNumber = 0;
		int rows = 0;
		for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
			assertThat(row.number()).isGreaterThan(lastNumber);
			lastNumber = row.number();
			if (row.problem() == null) {
				assertThat(row.cells()).hasSizeGreaterThanOrEqualTo(columns);
				assertThat(row.extra(columns)).allMatch(String::isBlank);
			}
			else {
				assertThat(row.problem().describe(row, columns)).isNotBlank();
			}
			rows++;
		}
		// every row begins on a line of its own: no more rows than lines
		assertThat(rows).isLessThanOrEqualTo(text.split("\r\n|\r|\n", -1).length);
	}

	@Property
	void whatArmsTraceWritesReadsBackAsWhatItHeld(@ForAll("tables") List<List<String>> table) throws IOException {
		StringWriter file = new StringWriter();
		CsvWriter writer = new CsvWriter(file).row(header(table.getFirst().size()));
		for (List<String> row : table) {
			writer.row(row);
		}
		writer.flush();

		List<List<String>> read = readAll(file.toString());

		assertThat(read.stream().map(row -> row.stream().map(CsvWriter::restore).toList()).toList()).isEqualTo(table);
		for (List<String> row : read) {
			assertThat(row).noneMatch(CsvWriter::startsFormula);
		}
	}

	@Provide
	Arbitrary<List<List<String>>> tables() {
		return Arbitraries.integers()
			.between(1, 5)
			.flatMap(columns -> cell().list()
				.ofSize(columns)
				// a row of one empty cell is a blank line, which a reader skips
				.filter(row -> columns > 1 || !row.getFirst().isEmpty())
				.list()
				.ofMinSize(1)
				.ofMaxSize(8));
	}

	@Provide
	Arbitrary<String> hostileText() {
		Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.of("\"", "\"\"", ",", "\n", "\r\n", "\r", "\uFEFF",
				"\u0000", "'", "=1+1", " ", "a", "é", "𝔸", "\"a,b\"", "x\"y"), Arbitraries.strings().ofMaxLength(8));
		// now and then a quote left open, or a line, longer than a row may be
		Arbitrary<String> tail = Arbitraries.of("", "", "", "\"" + "x".repeat(70_000), "y".repeat(70_000) + "\nz,z");
		return Combinators.combine(pieces.list().ofMaxSize(60), tail).as((parts, end) -> String.join("", parts) + end);
	}

	private static Arbitrary<String> cell() {
		return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(12),
				Arbitraries.strings().withChars("\",\n\r '=+-@\t ab").ofMaxLength(12), Arbitraries.of("", "-12", "+3.5",
						"=HYPERLINK(\"http://x\",\"y\")", "@SUM(A1)", "'quoted", "a\r\nb", " lead", "trail "));
	}

	private static List<List<String>> readAll(String file) throws IOException {
		CsvReader reader = new CsvReader(new StringReader(file));
		List<List<String>> rows = new ArrayList<>();
		for (CsvReader.Row row = reader.next(); row != null; row = reader.next()) {
			assertThat(row.problem()).as("row %d of %s", row.number(), file).isNull();
			rows.add(row.cells());
		}
		return rows;
	}

	private static List<String> header(int columns) {
		return IntStream.range(0, columns).mapToObj(i -> "c" + i).toList();
	}

}
