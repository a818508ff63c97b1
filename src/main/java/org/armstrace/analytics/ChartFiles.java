package org.armstrace.analytics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.armstrace.analytics.Dashboards.Chart;
import org.armstrace.csv.CsvWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A chart's data as a CSV or XLSX file: a header row, then one row per label. */
final class ChartFiles {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private ChartFiles() {
	}

	static String csv(Chart chart) {
		StringWriter text = new StringWriter();
		CsvWriter csv = new CsvWriter(text);
		List<Object> header = new ArrayList<>();
		header.add("label");
		header.addAll(chart.columns());
		csv.row(header);
		chart.rows().forEach(r -> {
			List<Object> cells = new ArrayList<>();
			cells.add(r.label());
			cells.addAll(r.values());
			csv.row(cells);
		});
		csv.flush();
		return text.toString();
	}

	static byte[] xlsx(Chart chart) {
		try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = book.createSheet(chart.id());
			Row header = sheet.createRow(0);
			header.createCell(0).setCellValue("label");
			for (int c = 0; c < chart.columns().size(); c++) {
				header.createCell(c + 1).setCellValue(chart.columns().get(c));
			}
			for (int r = 0; r < chart.rows().size(); r++) {
				Dashboards.Row data = chart.rows().get(r);
				Row row = sheet.createRow(r + 1);
				row.createCell(0).setCellValue(data.label());
				for (int c = 0; c < data.values().size(); c++) {
					row.createCell(c + 1).setCellValue(data.values().get(c).doubleValue());
				}
			}
			book.write(out);
			return out.toByteArray();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static ResponseEntity<byte[]> file(Chart chart, String format) {
		boolean csv = "csv".equals(format);
		if (!csv && !"xlsx".equals(format)) {
			throw new IllegalArgumentException("format: csv or xlsx, was " + format);
		}
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + chart.id() + "." + format + "\"")
			.contentType(csv ? new MediaType("text", "csv", StandardCharsets.UTF_8) : XLSX)
			.body(csv ? csv(chart).getBytes(StandardCharsets.UTF_8) : xlsx(chart));
	}

}
