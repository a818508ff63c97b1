package org.armstrace.tracing;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * {@code firearmIndex} in /actuator/health and in the readiness group: how many ledger
 * entries the candidate index has not applied. Out of service while that is more than
 * {@code armstrace.tracing.index-ready-within} (after a restart or a big import), so a
 * load balancer sends no searches that would silently miss what is not yet indexed; and
 * while the searches are warmed up after a start ({@link TraceWarmUp}).
 */
@Component
class FirearmIndexHealthIndicator extends AbstractHealthIndicator {

	private final IndexUpdater updater;

	private final TraceWarmUp warmUp;

	FirearmIndexHealthIndicator(IndexUpdater updater, TraceWarmUp warmUp) {
		this.updater = updater;
		this.warmUp = warmUp;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.withDetail("entriesBehind", updater.behind())
			.withDetail("readyWithin", updater.readyWithin())
			.withDetail("warmUpSearches", warmUp.searchesRun())
			.withDetail("warmedUp", warmUp.done());
		if (!updater.caughtUp() || !warmUp.done()) {
			builder.outOfService();
		}
		else {
			builder.up();
		}
	}

}
