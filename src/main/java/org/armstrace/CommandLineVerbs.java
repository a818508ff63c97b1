package org.armstrace;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.armstrace.identity.ApiTokens;
import org.armstrace.identity.Users;
import org.armstrace.ledger.LedgerBenchmark;
import org.armstrace.ledger.LedgerVerification;
import org.armstrace.registry.DemoRegistry;
import org.armstrace.registry.LegacyImportCommand;
import org.armstrace.registry.RegistryRebuild;
import org.armstrace.seizure.DemoSeizures;
import org.armstrace.seizure.SeizureCommandLine;
import org.armstrace.seizure.Seizures;
import org.armstrace.tracing.TraceCommand;
import org.armstrace.tracing.TraceRequests;
import org.armstrace.tracing.Tracing;
import org.armstrace.tracing.TracingBenchmark;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/** Runs the verb named by the first argument; {@code serve} leaves the web server running. */
@Component
class CommandLineVerbs implements ApplicationRunner, ExitCodeGenerator {

	static final String SERVE = "serve";

	/** Serves like {@code serve}, and fills an empty registry with generated demo data. */
	static final String DEMO = "demo";

	static boolean serves(String verb) {
		return SERVE.equals(verb) || DEMO.equals(verb);
	}

	static final String USAGE = """
			usage: armstrace <verb> [options]
			  serve                          run the server (default)
			  demo [--size=N] [--seed=S] [--country=ISO3]
			                                 run the server; an empty registry is first filled with N generated
			                                 firearms (default 100000) and their histories, the same for the same seed
			  verify [--since-head=FILE]     recompute the ledger, check every signed head; with FILE also prove
			                                 that the log extends a head saved earlier (exit 1 on any failure)
			  rebuild                        rebuild the registry's and trace requests' tables and the firearm index
			                                 from the ledger
			  trace --serial=S [--make=M] [--model=M] [--calibre=C] [--type=T] [--country=ISO3]
			        [--import-marking=I] [--year-from=Y] [--year-to=Y] [--limit=N] [--json]
			                                 ranked candidate records for observed markings ('?' one unreadable
			                                 character, '*' a run); --json prints one JSON object per line
			  record-seizures FILE.json        record seizures (a JSON array, as POST /api/v1/seizures takes); the
			                                 recovery protocol runs on every firearm and part (exit 3 if any refused)
			  custody-deadlines [--days=N]   judicial holds ending within N days (default 30) and overdue ones
			  destroy-items --items=ID,ID --method=M --witnesses=A,B [--on=YYYY-MM-DD]
			                                 destroy seized items in one batch, refused with every missing condition
			  iafq-export --from=YYYY-MM-DD --to=YYYY-MM-DD [--out=FILE.xlsx|FILE.csv]
			                                 seized-item data for UNODC's Illicit Arms Flows Questionnaire
			  benchmark-tracing [--firearms=N] [--queries=Q] [--seed=S] [--dir=DIR] [--no-baseline]
			                                 generate a registry of N firearms and Q corrupted queries, measure the
			                                 engine and PostgreSQL pg_trgm on them (needs a PostgreSQL datasource)
			  import FILE [--rejects=FILE]   import legacy firearm records from CSV (header: legacy_ref,make,model,
			                                 type,calibre,serial,country_of_manufacture,year,holder_ref,status);
			                                 refused rows go to FILE.rejects.csv (exit 3 when there are any)
			  generate-legacy-csv [--rows=N] [--out=FILE] [--bad-every=K] [--seed=S]
			                                 write a synthetic legacy file
			  benchmark-ledger [--events=N] [--batch=B]
			                                 append N synthetic events to an EMPTY ledger, then verify; prints rates
			""";

	private final Map<String, Function<ApplicationArguments, Integer>> verbs;

	private int exitCode;

	private final DemoRegistry demo;

	private final DemoSeizures demoSeizures;

	private final Users users;

	private final ApiTokens tokens;

	CommandLineVerbs(LedgerVerification verification, LedgerBenchmark benchmark, RegistryRebuild rebuild,
			DemoRegistry demo, LegacyImportCommand legacyImport, Users users, ApiTokens tokens, Tracing tracing,
			TraceRequests traceRequests, TraceCommand trace, TracingBenchmark tracingBenchmark,
			SeizureCommandLine seizureVerbs, Seizures seizures, DemoSeizures demoSeizures) {
		this.demoSeizures = demoSeizures;
		this.demo = demo;
		this.users = users;
		this.tokens = tokens;
		this.verbs = Map.ofEntries(
				Map.entry("verify", verification::runFromCommandLine),
				Map.entry("rebuild", arguments -> {
					int status = rebuild.runFromCommandLine(arguments);
					System.out.printf("rebuilt trace requests and cases from %,d ledger events%n",
							traceRequests.rebuild());
					System.out.printf("rebuilt seizures, custody and holds from %,d ledger events%n",
							seizures.rebuild());
					System.out.printf("rebuilt the firearm index from %,d ledger entries%n", tracing.rebuildIndex());
					return status;
				}),
				Map.entry("import", legacyImport::importFile),
				Map.entry("generate-legacy-csv", legacyImport::generate),
				Map.entry("benchmark-ledger", benchmark::runFromCommandLine),
				Map.entry("trace", trace::run),
				Map.entry("record-seizures", seizureVerbs::recordSeizures),
				Map.entry("custody-deadlines", seizureVerbs::deadlines),
				Map.entry("destroy-items", seizureVerbs::destroy),
				Map.entry("iafq-export", seizureVerbs::export),
				Map.entry("benchmark-tracing", tracingBenchmark::run));
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
		if (DEMO.equals(verb)) {
			startDemo(args);
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

	/** Generates the demo registry beside the running server, so the UI and API answer while it grows. */
	private void startDemo(ApplicationArguments args) {
		if (!users.anyExists()) {
			Users.Account admin = users.createDemoAccounts().getFirst();
			System.out.println("\n  ArmsTrace demo: one account per role, password <role>-demo-2026 (registrar /"
					+ " registrar-demo-2026; admin, licensing, customs, investigator, analyst, auditor, dealer alike)."
					+ "\n  API token acting as admin (shown once): " + tokens.issue(admin.id(), "demo").token() + "\n");
		}
		if (!demo.registryIsEmpty()) {
			return;
		}
		int size = Integer.parseInt(option(args, "size", "100000"));
		long seed = Long.parseLong(option(args, "seed", "20261128"));
		String country = option(args, "country", "AUT");
		Thread generator = new Thread(() -> {
			demo.generate(size, seed, country);
			if (demoSeizures.isEmpty()) {
				demoSeizures.generate(Math.max(10, size / 5), seed, country);
			}
		}, "demo-registry");
		generator.setDaemon(true);
		generator.start();
	}

	private static String option(ApplicationArguments args, String name, String fallback) {
		return args.containsOption(name) ? args.getOptionValues(name).getFirst() : fallback;
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
