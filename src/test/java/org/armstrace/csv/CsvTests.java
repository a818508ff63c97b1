package org.armstrace.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

/**
 * The one CSV writer and reader: cells that cannot run as formulas, numbers left as data,
 * and broken rows refused one by one.
 */
class CsvTests {

	@Test
	void aCellThatWouldStartAFormulaIsPrefixedWithAQuoteAndQuoted() {
		assertThat(CsvWriter.cell("=HYPERLINK(\"http://x\",\"y\")"))
			.isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
		assertThat(CsvWriter.cell("+1+cmd|' /C calc'!A0")).isEqualTo("\"'+1+cmd|' /C calc'!A0\"");
		assertThat(CsvWriter.cell("-2+3")).isEqualTo("\"'-2+3\"");
		assertThat(CsvWriter.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
		assertThat(CsvWriter.cell("\t=1")).isEqualTo("\"'\t=1\"");
		assertThat(CsvWriter.cell("\r=1")).isEqualTo("\"'\r=1\"");
		assertThat(CsvWriter.cell("\uFF1D1+1")).isEqualTo("\"'\uFF1D1+1\"");
	}

	@Test
	void numbersAndOrdinaryTextAreWrittenAsTheyAre() {
		assertThat(CsvWriter.cell(-12L)).isEqualTo("-12");
		assertThat(CsvWriter.cell("-12")).isEqualTo("-12");
		assertThat(CsvWriter.cell("+3.5")).isEqualTo("+3.5");
		assertThat(CsvWriter.cell("Airport store")).isEqualTo("Airport store");
		assertThat(CsvWriter.cell("a, b")).isEqualTo("\"a, b\"");
		assertThat(CsvWriter.cell(null)).isEmpty();
		assertThat(CsvWriter.cell("")).isEmpty();
		assertThat(CsvWriter.cell("A-1=2")).isEqualTo("A-1=2");
	}

	@Test
	void whatIsWrittenReadsBackAsTheValueWithItsQuoteAndRestoresExactly() throws IOException {
		StringWriter out = new StringWriter();
		List<String> values = List.of("=1+2", "-", "ok", "line\nbreak", "say \"hi\"", "-7");
		new CsvWriter(out).row("a", "b", "c", "d", "e", "f").row(values).flush();
		CSVRecord record = CSVFormat.DEFAULT.parse(new StringReader(out.toString())).getRecords().get(1);
		assertThat(record.toList()).containsExactly("'=1+2", "'-", "ok", "line\nbreak", "say \"hi\"", "-7");
		assertThat(record.toList().stream().map(CsvWriter::restore).toList()).isEqualTo(values);
		assertThat(CsvWriter.restore("'quoted")).isEqualTo("'quoted");
	}

	@Test
	void aByteOrderMarkBeforeTheHeaderIsDropped() throws IOException {
		CsvReader csv = new CsvReader(new StringReader("\uFEFFname, aliases\nGlock,G\n"));
		assertThat(csv.header()).containsExactly("name", "aliases");
		assertThat(csv.column("NAME")).isZero();
		assertThat(csv.next().cells()).containsExactly("Glock", "G");
		assertThat(csv.next()).isNull();
	}

	@Test
	void aShortRowAndARowWithExtraValuesAreRefusedAsThoseRowsAlone() throws IOException {
		List<CsvReader.Row> rows = all("a,b,c\n1,2,3\n4,5\n\n6,7,8,\n9,10,11,12\n");
		assertThat(rows).extracting(CsvReader.Row::number).containsExactly(1L, 2L, 3L, 4L);
		assertThat(rows).extracting(CsvReader.Row::problem)
			.containsExactly(null, CsvReader.Problem.MISSING_COLUMNS, null, CsvReader.Problem.EXTRA_COLUMNS);
		assertThat(rows.get(1).get(2)).isEmpty();
		assertThat(rows.get(3).extra(3)).containsExactly("12");
	}

	@Test
	void anUnclosedQuoteIsThatRowsProblemAndTheNextLinesAreRowsOfTheirOwn() throws IOException {
		List<CsvReader.Row> rows = all("a,b,c\n1,\"two\nthree\",3\n4,\"oops,6\n7,8,9\n10,11,12\n");
		assertThat(rows).extracting(CsvReader.Row::problem)
			.containsExactly(null, CsvReader.Problem.UNCLOSED_QUOTE, null, null);
		assertThat(rows.get(0).cells()).containsExactly("1", "two\nthree", "3");
		assertThat(rows.get(1).cells()).containsExactly("4", "oops,6");
		assertThat(rows.get(2).cells()).containsExactly("7", "8", "9");
		assertThat(rows).extracting(CsvReader.Row::number).containsExactly(1L, 2L, 3L, 4L);
	}

	@Test
	void aQuoteLeftOpenForLongerThanARowMayBeIsClosedAtTheLimit() throws IOException {
		StringBuilder file = new StringBuilder("a,b\n1,\"open\n");
		for (int i = 0; i < 2_000; i++) {
			file.append("x".repeat(40)).append(",y\n");
		}
		file.append("\"\n");
		List<CsvReader.Row> rows = all(file.toString());
		assertThat(rows.getFirst().problem()).isEqualTo(CsvReader.Problem.UNCLOSED_QUOTE);
		assertThat(rows.get(1).cells()).containsExactly("x".repeat(40), "y");
	}

	@Test
	void aHeaderThatLeavesAQuoteOpenOrAnEmptyFileIsRefusedWhole() {
		assertThatThrownBy(() -> new CsvReader(new StringReader("a,\"b\n1,2\n")))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("header");
		assertThatThrownBy(() -> new CsvReader(new StringReader("\n\n"))).isInstanceOf(IllegalArgumentException.class);
	}

	private static List<CsvReader.Row> all(String text) throws IOException {
		CsvReader csv = new CsvReader(new StringReader(text));
		List<CsvReader.Row> rows = new ArrayList<>();
		for (CsvReader.Row row = csv.next(); row != null; row = csv.next()) {
			rows.add(row);
		}
		return rows;
	}

}
