package org.armstrace.cli;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.armstrace.benchmark.AnalyticsBenchmark;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code benchmark-analytics [--seizures=N] [--years=Y] [--seed=S] [--runs=R] [--kept-only] [--again]}:
 * fills an empty scratch database with N generated seizures over Y years and times the
 * dashboard, the map's flows and the IAFQ export from the records (unless
 * {@code --kept-only}) and with the months kept; refused (exit 2) on a database that
 * holds seizures, unless {@code --again}: then it times what a previous run filled (the
 * years must be the same).
 */
@Component
class BenchmarkAnalyticsVerb implements Verb {

	private final AnalyticsBenchmark benchmark;

	BenchmarkAnalyticsVerb(AnalyticsBenchmark benchmark) {
		this.benchmark = benchmark;
	}

	@Override
	public String name() {
		return "benchmark-analytics";
	}

	@Override
	public int run(ApplicationArguments args) {
		int seizures = Options.intValue(args, "seizures", 100_000, 1, 20_000_000);
		int years = Options.intValue(args, "years", 10, 1, 50);
		long seed = Long.parseLong(Options.value(args, "seed", "7"));
		int runs = Options.intValue(args, "runs", 5, 1, 100);
		long held = benchmark.seizures();
		boolean again = args.containsOption("again");
		if (again && held == 0) {
			System.err.println("refused: --again times what a previous run filled, and the database holds no seizure");
			return 2;
		}
		if (held > 0 && !again) {
			System.err.println("refused: the database already holds " + held
					+ " seizures; run the benchmark against an empty scratch database (or time them --again)");
			return 2;
		}
		AnalyticsBenchmark.Result r = benchmark.run(seizures, years, seed, runs, !args.containsOption("kept-only"),
				again, System.out::println);
		System.out.printf(Locale.ROOT, "%,d seizures, %,d items, %,d trace requests over %d years: filled in %.1f s%n",
				r.seizures(), r.items(), r.traceRequests(), years, r.fillSeconds());
		if (!r.fromRecords().isEmpty()) {
			print("from the records (no month kept)", r.fromRecords());
		}
		System.out.printf(Locale.ROOT, "counting and keeping %d months: %.1f s%n", r.monthsCounted(), r.countSeconds());
		print("with the months kept", r.kept());
		return 0;
	}

	private static void print(String title, List<AnalyticsBenchmark.Timing> timings) {
		System.out.println(title + " (median and slowest of the runs, ms):");
		for (AnalyticsBenchmark.Timing t : timings) {
			System.out.printf(Locale.ROOT, "  %-58s %9.1f %9.1f   (each run: %s)%n", t.question(), t.median(), t.max(),
					t.millis()
						.stream()
						.map(m -> String.format(Locale.ROOT, "%.0f", m))
						.collect(Collectors.joining(" ")));
		}
	}

}
