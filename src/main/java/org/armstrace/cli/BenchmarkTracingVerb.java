package org.armstrace.cli;

import org.armstrace.tracing.TracingBenchmark;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code benchmark-tracing [--firearms=N] [--queries=Q] [--seed=S] [--dir=DIR] [--no-baseline]}: measures the
 * matching engine, and PostgreSQL's pg_trgm as a baseline, on a generated registry and corrupted queries.
 */
@Component
class BenchmarkTracingVerb implements Verb {

	private final TracingBenchmark benchmark;

	BenchmarkTracingVerb(TracingBenchmark benchmark) {
		this.benchmark = benchmark;
	}

	@Override
	public String name() {
		return "benchmark-tracing";
	}

	@Override
	public int run(ApplicationArguments args) {
		return benchmark.run(args);
	}

}
