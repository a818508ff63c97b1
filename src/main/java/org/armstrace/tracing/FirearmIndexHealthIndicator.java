package org.armstrace.tracing;

import org.springframework.beans.factory.annotation.Value;
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

	private final long readyWithin;

	private final TraceWarmUp warmUp;

	FirearmIndexHealthIndicator(IndexUpdater updater, TraceWarmUp warmUp,
			@Value("${armstrace.tracing.index-ready-within:1000}") long readyWithin) {
		this.updater = updater;
		this.warmUp = warmUp;
		this.readyWithin = readyWithin;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		long behind = updater.behind();
		builder.withDetail("entriesBehind", behind)
			.withDetail("readyWithin", readyWithin)
			.withDetail("warmUpSearches", warmUp.searchesRun())
			.withDetail("warmedUp", warmUp.done());
		if (behind > readyWithin || !warmUp.done()) {
			builder.outOfService();
		}
		else {
			builder.up();
		}
	}

}
