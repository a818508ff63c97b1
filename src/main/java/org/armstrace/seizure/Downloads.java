package org.armstrace.seizure;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Files handed on from the API and the pages alike: custody lists and IAFQ exports, as
 * attachments.
 */
final class Downloads {

	static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private Downloads() {
	}

	static ResponseEntity<byte[]> attachment(String filename, MediaType type, byte[] body) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + filename + "\"")
			.contentType(type)
			.body(body);
	}

	static ResponseEntity<byte[]> csv(String filename, String body) {
		return attachment(filename, CSV, body.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * An IAFQ report as {@code xlsx}, {@code csv} (the counted tables) or
	 * {@code items.csv}.
	 */
	static ResponseEntity<byte[]> iafq(IafqExport iafq, IafqExport.Report report, String format) {
		String name = "iafq-" + report.from() + "-" + report.to();
		return switch (format) {
			case "xlsx" -> attachment(name + ".xlsx", XLSX, iafq.xlsx(report));
			case "csv" -> csv(name + ".csv", iafq.csv(report));
			case "items.csv" -> csv(name + "-items.csv", iafq.itemsCsv(report));
			default -> throw new IllegalArgumentException("format: xlsx, csv or items.csv, was '" + format + "'");
		};
	}

}
