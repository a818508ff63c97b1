package org.armstrace.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.armstrace.ledger.LedgerVerification;
import org.armstrace.ledger.VerificationReport;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code verify [--since-head=FILE]}: recomputes the whole ledger and prints
 * {@code OK size=… root=…} or the first entry that does not match (exit 1); with FILE, a
 * head saved earlier, it also proves that the log extends it.
 */
@Component
class VerifyVerb implements Verb {

	private final LedgerVerification verification;

	VerifyVerb(LedgerVerification verification) {
		this.verification = verification;
	}

	@Override
	public String name() {
		return "verify";
	}

	@Override
	public int run(ApplicationArguments args) {
		String savedHead = null;
		if (args.containsOption("since-head")) {
			Path file = Path.of(args.getOptionValues("since-head").getFirst());
			try {
				savedHead = Files.readString(file);
			}
			catch (IOException e) {
				System.err.println("cannot read the saved head " + file + ": " + e.getMessage());
				return 2;
			}
		}
		VerificationReport report = verification.verify(savedHead);
		(report.ok() ? System.out : System.err).println(report.summary());
		return report.ok() ? 0 : 1;
	}

}
