package org.armstrace.ledger;

import java.time.Duration;
import java.time.Instant;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code ledger} in /actuator/health: its size, the latest signed head and that head's
 * age. Down when entries have waited for a head far longer than the signing interval: the
 * signer has stopped.
 */
@Component
class LedgerHealthIndicator extends AbstractHealthIndicator {

	/**
	 * How many signing intervals unsigned entries may wait before the ledger counts as
	 * down.
	 */
	private static final int TOLERATED_INTERVALS = 6;

	private final Ledger ledger;

	private final LedgerProperties properties;

	private final ProjectionAudit projections;

	private final SigningLeadership leadership;

	LedgerHealthIndicator(Ledger ledger, LedgerProperties properties, ProjectionAudit projections,
			SigningLeadership leadership) {
		this.leadership = leadership;
		this.projections = projections;
		this.ledger = ledger;
		this.properties = properties;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		long size = ledger.size();
		builder.withDetail("size", size);
		builder.withDetail("signsCheckpoints", properties.signCheckpoints() && leadership.leads());
		// a drift is an integrity finding for the auditor, not a reason to take the
		// node out of service: it is reported, the status stays
		projections.lastReport()
			.ifPresent(report -> builder.withDetail("projectionsCheckedAt", report.checkedAt().toString())
				.withDetail("projections", report.summary()));
		var latest = ledger.latestCheckpoint();
		if (latest.isEmpty()) {
			builder.up().withDetail("latestHead", "none signed yet");
			return;
		}
		Duration age = Duration.between(latest.get().signedAt(), Instant.now());
		builder.withDetail("latestHeadSize", latest.get().treeSize())
			.withDetail("latestHeadSignedAt", latest.get().signedAt().toString())
			.withDetail("latestHeadAgeSeconds", age.toSeconds());
		boolean stalled = size > latest.get().treeSize()
				&& age.compareTo(properties.checkpointEvery().multipliedBy(TOLERATED_INTERVALS)) > 0;
		if (stalled) {
			builder.down().withDetail("problem", (size - latest.get().treeSize()) + " entries wait for a signed head");
		}
		else {
			builder.up();
		}
	}

}
