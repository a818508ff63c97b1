package org.armstrace.cli;

import org.armstrace.command.ProjectionChecks;
import org.armstrace.ledger.LedgerVerification;
import org.armstrace.ledger.ProjectionReport;
import org.armstrace.ledger.VerificationReport;
import org.armstrace.registry.RegistryRebuild;
import org.armstrace.tracing.Tracing;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code rebuild [--up-to-last-good]}: verifies the ledger, then rebuilds every module's
 * tables (registry, trace requests and cases, seizures with custody and holds) and the
 * firearm index from it alone, and says which rows that changed. A ledger that does not
 * verify is not copied into the tables: the rebuild is refused, or with
 * {@code --up-to-last-good} made from the entries before the first bad one.
 */
@Component
class RebuildVerb implements Verb {

	static final String UP_TO_LAST_GOOD = "up-to-last-good";

	private final LedgerVerification verification;

	private final ProjectionChecks projections;

	private final RegistryRebuild registry;

	private final Tracing tracing;

	RebuildVerb(LedgerVerification verification, ProjectionChecks projections, RegistryRebuild registry,
			Tracing tracing) {
		this.verification = verification;
		this.projections = projections;
		this.registry = registry;
		this.tracing = tracing;
	}

	@Override
	public String name() {
		return "rebuild";
	}

	@Override
	public int run(ApplicationArguments args) {
		VerificationReport verified = verification.verify(null);
		Long before = null;
		if (!verified.ok()) {
			System.err.println("the ledger does not verify: " + verified.summary());
			if (!args.containsOption(UP_TO_LAST_GOOD) || verified.firstBadSeq() == null) {
				System.err.println("rebuild refused: the tables would copy a ledger that fails verify"
						+ (verified.firstBadSeq() == null ? "" : "; --" + UP_TO_LAST_GOOD
								+ " rebuilds them from entries 0 to " + (verified.firstBadSeq() - 1)));
				return 1;
			}
			before = verified.firstBadSeq();
			System.out.printf("rebuilding from the %,d entries before entry %d, the first that fails verify%n", before,
					before);
		}
		long started = System.nanoTime();
		ProjectionReport changed = projections.rebuild(before);
		if (changed.failure() != null) {
			System.err.println("rebuild failed, the tables are as they were: " + changed.failure());
			return 1;
		}
		registry.catchUpRecordNumbers();
		System.out.printf("rebuilt %s from the ledger in %.1f s: %,d row(s) changed%n",
				String.join(", ", changed.projections()), (System.nanoTime() - started) / 1e9, changed.driftCount());
		changed.drifts().forEach(drift -> System.out.println("  " + drift.summary()));
		if (changed.driftCount() > changed.drifts().size()) {
			System.out.printf("  ... and %,d more%n", changed.driftCount() - changed.drifts().size());
		}
		System.out.printf("rebuilt the firearm index from %,d ledger entries%n", tracing.rebuildIndex());
		return 0;
	}

}
