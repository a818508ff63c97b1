package org.armstrace.analytics;

import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

import org.armstrace.csv.CsvWriter;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The cross-checks as CSV files, the same for the API and the pages. */
final class CrossCheckCsv {

	/** The cross-checks by the name of their path. */
	enum Check {

		DEALERS("dealers"), MULTIPLE_SALES("multiple-sales"), LICENCES("licences");

		final String path;

		Check(String path) {
			this.path = path;
		}

		static Check of(String path) {
			for (Check c : values()) {
				if (c.path.equals(path)) {
					return c;
				}
			}
			throw new NoSuchElementException("no cross-check " + path);
		}

	}

	private CrossCheckCsv() {
	}

	static ResponseEntity<byte[]> file(Check check, CrossChecks checks, LocalDate today) {
		String text = write(csv -> {
			switch (check) {
				case DEALERS -> {
					csv.row("dealer_id", "traces", "short_time_to_crime_traces");
					checks.dealers(today).forEach(d -> csv.row(d.dealerId(), d.traces(), d.shortTraces()));
				}
				case MULTIPLE_SALES -> {
					csv.row("holder_id", "holder_role", "handguns", "first_on", "last_on", "record_numbers");
					checks.multipleSales(today)
						.forEach(m -> csv.row(m.holderId(), m.role(), m.handguns(), m.firstOn(), m.lastOn(),
								String.join(" ", m.recordNumbers())));
				}
				case LICENCES -> {
					csv.row("licence_id", "number", "holder_id", "kind", "state", "traces", "firearms_traced");
					checks.licences(today)
						.forEach(l -> csv.row(l.licenceId(), l.number(), l.holderId(), l.kind(), l.state(), l.traces(),
								l.firearms()));
				}
			}
		});
		return ResponseEntity.ok()
			.header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"cross-check-" + check.path + ".csv\"")
			.contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
			.body(text.getBytes(StandardCharsets.UTF_8));
	}

	private static String write(Consumer<CsvWriter> rows) {
		StringWriter text = new StringWriter();
		CsvWriter csv = new CsvWriter(text);
		rows.accept(csv);
		csv.flush();
		return text.toString();
	}

}
