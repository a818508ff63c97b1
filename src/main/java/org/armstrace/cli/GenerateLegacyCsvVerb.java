package org.armstrace.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

import org.armstrace.demo.SyntheticLegacyCsv;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code generate-legacy-csv [--rows=N] [--out=FILE] [--bad-every=K] [--seed=S]
 * [--variants]}: writes a synthetic legacy file to practise or measure the import with;
 * with K every K-th row cannot be taken over; with {@code --variants} every column is
 * written the many ways registers write it (docs/benchmarks.md).
 */
@Component
class GenerateLegacyCsvVerb implements Verb {

	@Override
	public String name() {
		return "generate-legacy-csv";
	}

	@Override
	public int run(ApplicationArguments args) {
		long rows = Long.parseLong(Options.value(args, "rows", "100000"));
		Path out = Path.of(Options.value(args, "out", "legacy-firearms.csv"));
		int badEvery = Integer.parseInt(Options.value(args, "bad-every", "0"));
		long seed = Long.parseLong(Options.value(args, "seed", "1"));
		try {
			SyntheticLegacyCsv.write(out, rows, badEvery, seed, args.containsOption("variants"));
		}
		catch (IOException e) {
			System.err.println("cannot write " + out + ": " + e.getMessage());
			return 2;
		}
		System.out.printf(Locale.ROOT, "wrote %,d synthetic legacy records to %s%n", rows, out);
		return 0;
	}

}
