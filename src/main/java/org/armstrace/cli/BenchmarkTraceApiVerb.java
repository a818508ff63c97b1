package org.armstrace.cli;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import org.armstrace.benchmark.ApiTracingBenchmark;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code benchmark-trace-api --token=T --csv=FILE [--base=URL] [--queries=N] [--warm-up=W] [--seed=S] [--make-only] [--without-best-possible]}:
 * sends corrupted readings of the records of an imported legacy file to a running
 * instance's {@code POST /api/v1/trace/search} (N per kind of damage, after W to warm up)
 * and prints recall and latency (docs/benchmarks.md).
 */
@Component
class BenchmarkTraceApiVerb implements Verb {

	private final ApiTracingBenchmark benchmark;

	BenchmarkTraceApiVerb(ApiTracingBenchmark benchmark) {
		this.benchmark = benchmark;
	}

	@Override
	public String name() {
		return "benchmark-trace-api";
	}

	@Override
	public int run(ApplicationArguments args) {
		String token = Options.value(args, "token", null);
		String csv = Options.value(args, "csv", null);
		if (token == null || csv == null || !Files.isReadable(Path.of(csv))) {
			System.err
				.println("usage: armstrace benchmark-trace-api --token=T --csv=FILE [--base=http://localhost:8080] "
						+ "[--queries=300] [--warm-up=300] [--seed=1] [--make-only] [--without-best-possible]; FILE is the legacy file the instance "
						+ "imported");
			return 2;
		}
		ApiTracingBenchmark.Settings settings = new ApiTracingBenchmark.Settings(
				URI.create(Options.value(args, "base", "http://localhost:8080")), token, Path.of(csv),
				Options.intValue(args, "queries", 300, 1, 100_000), Options.intValue(args, "warm-up", 300, 0, 100_000),
				Long.parseLong(Options.value(args, "seed", "1")), args.containsOption("make-only"),
				!args.containsOption("without-best-possible"));
		try {
			benchmark.run(settings, System.out::println).forEach(System.out::println);
			return 0;
		}
		catch (IOException | IllegalStateException e) {
			System.err.println("benchmark-trace-api: " + e.getMessage());
			return 1;
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return 1;
		}
	}

}
