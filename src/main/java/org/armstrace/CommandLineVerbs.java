package org.armstrace;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.armstrace.ledger.LedgerBenchmark;
import org.armstrace.ledger.LedgerVerification;
import org.armstrace.registry.RegistryRebuild;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/** Runs the verb named by the first argument; {@code serve} leaves the web server running. */
@Component
class CommandLineVerbs implements ApplicationRunner, ExitCodeGenerator {

	static final String SERVE = "serve";

	static final String USAGE = """
			usage: armstrace <verb> [options]
			  serve                          run the server (default)
			  verify [--since-head=FILE]     recompute the ledger, check every signed head; with FILE also prove
			                                 that the log extends a head saved earlier (exit 1 on any failure)
			  rebuild                        rebuild the registry's tables from the ledger
			  benchmark-ledger [--events=N] [--batch=B]
			                                 append N synthetic events to an EMPTY ledger, then verify; prints rates
			""";

	private final Map<String, Function<ApplicationArguments, Integer>> verbs;

	private int exitCode;

	CommandLineVerbs(LedgerVerification verification, LedgerBenchmark benchmark, RegistryRebuild rebuild) {
		this.verbs = Map.of(
				"verify", verification::runFromCommandLine,
				"rebuild", rebuild::runFromCommandLine,
				"benchmark-ledger", benchmark::runFromCommandLine);
	}

	static String verbOf(String[] args) {
		return Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(SERVE);
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> words = args.getNonOptionArgs();
		String verb = words.isEmpty() ? SERVE : words.getFirst();
		if (SERVE.equals(verb)) {
			return;
		}
		Function<ApplicationArguments, Integer> job = verbs.get(verb);
		if (job == null) {
			System.err.println("unknown verb '" + verb + "'\n" + USAGE);
			exitCode = 2;
			return;
		}
		exitCode = job.apply(args);
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
