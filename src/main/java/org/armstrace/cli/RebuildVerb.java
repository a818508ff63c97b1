package org.armstrace.cli;

import org.armstrace.registry.RegistryRebuild;
import org.armstrace.seizure.Seizures;
import org.armstrace.tracing.TraceRequests;
import org.armstrace.tracing.Tracing;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code rebuild}: rebuilds the registry's tables, trace requests and cases, seizures
 * with custody and holds, and the firearm index from the ledger alone, and says how many
 * events each read.
 */
@Component
class RebuildVerb implements Verb {

	private final RegistryRebuild registry;

	private final TraceRequests traceRequests;

	private final Seizures seizures;

	private final Tracing tracing;

	RebuildVerb(RegistryRebuild registry, TraceRequests traceRequests, Seizures seizures, Tracing tracing) {
		this.registry = registry;
		this.traceRequests = traceRequests;
		this.seizures = seizures;
		this.tracing = tracing;
	}

	@Override
	public String name() {
		return "rebuild";
	}

	@Override
	public int run(ApplicationArguments args) {
		long started = System.nanoTime();
		long applied = registry.rebuild();
		System.out.printf("rebuilt the registry from %,d ledger events in %.1f s%n", applied,
				(System.nanoTime() - started) / 1e9);
		System.out.printf("rebuilt trace requests and cases from %,d ledger events%n", traceRequests.rebuild());
		System.out.printf("rebuilt seizures, custody and holds from %,d ledger events%n", seizures.rebuild());
		System.out.printf("rebuilt the firearm index from %,d ledger entries%n", tracing.rebuildIndex());
		return 0;
	}

}
