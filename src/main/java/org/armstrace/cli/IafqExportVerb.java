package org.armstrace.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.armstrace.seizure.IafqExport;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code iafq-export --from=DATE --to=DATE [--out=FILE.xlsx|FILE.csv]}: seized-item data
 * for UNODC's Illicit Arms Flows Questionnaire, as a workbook or CSV.
 */
@Component
class IafqExportVerb implements Verb {

	private final IafqExport iafq;

	IafqExportVerb(IafqExport iafq) {
		this.iafq = iafq;
	}

	@Override
	public String name() {
		return "iafq-export";
	}

	@Override
	public int run(ApplicationArguments args) {
		LocalDate from;
		LocalDate to;
		try {
			from = LocalDate.parse(Options.value(args, "from", ""));
			to = LocalDate.parse(Options.value(args, "to", ""));
		}
		catch (DateTimeParseException e) {
			System.err.println("usage: iafq-export --from=YYYY-MM-DD --to=YYYY-MM-DD [--out=FILE.xlsx|FILE.csv]");
			return 2;
		}
		IafqExport.Report report = iafq.report(from, to);
		Path out = Path.of(Options.value(args, "out", "iafq-" + from + "-" + to + ".xlsx"));
		try {
			if (out.toString().endsWith(".csv")) {
				Files.writeString(out, iafq.csv(report), StandardCharsets.UTF_8);
			}
			else {
				Files.write(out, iafq.xlsx(report));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		System.out.printf("IAFQ %s..%s: %d seizures, %d firearms, %d parts, %d rounds -> %s%n", from, to,
				report.seizures(), report.firearms(), report.parts(), report.rounds(), out.toAbsolutePath());
		return 0;
	}

}
