package org.armstrace.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.armstrace.ledger.LedgerVerification;
import org.armstrace.ledger.ProjectionAudit;
import org.armstrace.ledger.ProjectionReport;
import org.armstrace.ledger.VerificationReport;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code verify [--since-head=FILE] [--verifier-key=FILE|KEY] [--projections]}:
 * recomputes the whole ledger and prints {@code OK size=… root=…} or the first entry that
 * does not match (exit 1); with FILE, a head saved earlier, it also proves that the log
 * extends it; with a verifier key (the {@code verifierKey} of {@code /api/v1/ledger/key},
 * or a file holding it) it checks the signed heads against that public key instead of
 * this node's own (a ledger signed by another node, or by a key not at hand); with
 * {@code --projections} it also compares every table readers see with a rebuild from the
 * ledger (rolled back). It writes nothing, and signs no head.
 */
@Component
class VerifyVerb implements Verb {

	private final LedgerVerification verification;

	private final ProjectionAudit projections;

	VerifyVerb(LedgerVerification verification, ProjectionAudit projections) {
		this.verification = verification;
		this.projections = projections;
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
		VerificationReport report;
		if (args.containsOption("verifier-key")) {
			String given = args.getOptionValues("verifier-key").getFirst();
			try {
				Path file = Path.of(given);
				report = verification.verify(savedHead, Files.isRegularFile(file) ? Files.readString(file) : given);
			}
			catch (IOException | IllegalArgumentException e) {
				System.err.println("cannot use the verifier key " + given + ": " + e.getMessage());
				return 2;
			}
		}
		else {
			report = verification.verify(savedHead);
		}
		(report.ok() ? System.out : System.err).println(report.summary());
		if (!args.containsOption("projections")) {
			return report.ok() ? 0 : 1;
		}
		ProjectionReport tables = projections.check();
		(tables.ok() ? System.out : System.err).println(tables.summary());
		tables.drifts().forEach(drift -> System.err.println("  " + drift.summary()));
		return report.ok() && tables.ok() ? 0 : 1;
	}

}
