package org.armstrace.cli;

import java.nio.file.Path;

import org.armstrace.benchmark.TracingBenchmark;
import org.armstrace.benchmark.TracingBenchmarkReport;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code benchmark-tracing [--firearms=N] [--queries=Q] [--seed=S] [--dir=DIR] [--no-baseline]}:
 * measures the matching engine, and PostgreSQL's pg_trgm as a baseline, on a generated
 * registry and corrupted queries, and prints the table;
 * {@code ARMSTRACE_BENCHMARK_MISSES} set also prints examples of the queries the engine
 * got wrong.
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
		String dir = Options.value(args, "dir", null);
		TracingBenchmark.Settings settings = new TracingBenchmark.Settings(
				Integer.parseInt(Options.value(args, "firearms", "1000000")),
				Integer.parseInt(Options.value(args, "queries", "1000")),
				Long.parseLong(Options.value(args, "seed", "20261129")), dir == null ? null : Path.of(dir),
				!args.containsOption("no-baseline"));
		String product = benchmark.databaseProduct();
		if (settings.baseline() && !"PostgreSQL".equals(product)) {
			System.err.println("the pg_trgm baseline needs PostgreSQL (SPRING_DATASOURCE_URL=jdbc:postgresql://…); "
					+ "this datasource is " + product + ". Run with --no-baseline to measure the engine alone.");
			return 2;
		}
		TracingBenchmarkReport report = benchmark.run(settings, System.out::println);
		report.lines(System.getenv("ARMSTRACE_BENCHMARK_MISSES") != null).forEach(System.out::println);
		return 0;
	}

}
