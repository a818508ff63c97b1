package org.armstrace.seizure;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armstrace.csv.CsvWriter;

/**
 * An IAFQ report as a workbook: a summary sheet, one sheet per counted table and the item
 * list. Texts are text cells, never formulas; one that begins as a formula would is also
 * quote-prefixed (the spreadsheet's own {@code '}), so editing the cell cannot turn it
 * into one.
 */
final class IafqWorkbook {

	private final XSSFWorkbook book = new XSSFWorkbook();

	private final CellStyle bold = book.createCellStyle();

	private final CellStyle quoted = book.createCellStyle();

	private IafqWorkbook() {
		Font font = book.createFont();
		font.setBold(true);
		bold.setFont(font);
		quoted.setQuotePrefixed(true);
	}

	static byte[] of(IafqExport.Report report) {
		IafqWorkbook workbook = new IafqWorkbook();
		try (XSSFWorkbook book = workbook.book; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			workbook.summary(report);
			for (IafqExport.Table table : report.tables()) {
				workbook.table(table);
			}
			workbook.items(report.items());
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private void summary(IafqExport.Report report) {
		Sheet summary = book.createSheet("Summary");
		int r = 0;
		r = row(summary, r, bold, "IAFQ seized-item data", null);
		r = row(summary, r, null, "Period from", report.from().toString());
		r = row(summary, r, null, "Period to", report.to().toString());
		r = row(summary, r, null, "Seizures", report.seizures());
		r = row(summary, r, null, "Firearms seized", report.firearms());
		r = row(summary, r, null, "Parts and components seized", report.parts());
		row(summary, r, null, "Rounds of ammunition seized", report.rounds());
		summary.autoSizeColumn(0);
	}

	private void table(IafqExport.Table table) {
		Sheet sheet = book.createSheet(
				table.name().replace("Firearms by ", "By ").replace("Ammunition rounds by ", "Ammunition by "));
		int i = row(sheet, 0, bold, table.dimension(),
				"Ammunition rounds by calibre".equals(table.name()) ? "rounds" : "firearms");
		for (Map.Entry<String, Long> e : table.counts().entrySet()) {
			i = row(sheet, i, null, e.getKey(), e.getValue());
		}
		row(sheet, i, bold, "Total", table.total());
		sheet.autoSizeColumn(0);
	}

	private void items(List<List<String>> items) {
		Sheet sheet = book.createSheet("Items");
		Row head = sheet.createRow(0);
		for (int c = 0; c < IafqExport.ITEM_COLUMNS.size(); c++) {
			text(head.createCell(c), IafqExport.ITEM_COLUMNS.get(c), bold);
		}
		int i = 1;
		for (List<String> item : items) {
			Row row = sheet.createRow(i++);
			for (int c = 0; c < item.size(); c++) {
				if (item.get(c) != null) {
					text(row.createCell(c), item.get(c), null);
				}
			}
		}
		sheet.createFreezePane(0, 1);
	}

	private int row(Sheet sheet, int at, CellStyle style, String label, Object value) {
		Row row = sheet.createRow(at);
		text(row.createCell(0), label, style);
		if (value instanceof Number n) {
			Cell b = row.createCell(1);
			b.setCellValue(n.doubleValue());
			if (style != null) {
				b.setCellStyle(style);
			}
		}
		else if (value != null) {
			text(row.createCell(1), value.toString(), style);
		}
		return at + 1;
	}

	/** A text cell; quote-prefixed when the text begins as a formula would. */
	private void text(Cell cell, String text, CellStyle style) {
		cell.setCellValue(text);
		if (CsvWriter.startsFormula(text)) {
			cell.setCellStyle(quoted);
		}
		else if (style != null) {
			cell.setCellStyle(style);
		}
	}

}
