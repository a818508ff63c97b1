package org.armstrace.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.stereotype.Component;

/**
 * Runs the verb named by the first argument and exits with its status; {@code serve} and
 * {@code demo} leave the web server running. An unknown verb prints the usage and exits
 * with 2.
 */
@Component
public class CommandLineVerbs implements ApplicationRunner, ExitCodeGenerator {

	static final String SERVE = "serve";

	/**
	 * Serves like {@code serve}, and fills an empty registry with generated demo data.
	 */
	public static final String DEMO = "demo";

	static final String USAGE = """
			usage: armstrace <verb> [options]
			  serve                          run the server (default)
			  demo [--size=N] [--seed=S] [--country=ISO3]
			                                 run the server; an empty registry is first filled with N generated
			                                 firearms (default 100000) and their histories, the same for the same seed
			  verify [--since-head=FILE] [--projections]
			                                 recompute the ledger, check every signed head; with FILE also prove
			                                 that the log extends a head saved earlier; with --projections also
			                                 compare every table with a rebuild from the ledger (exit 1 on any
			                                 failure; writes nothing)
			  rebuild [--up-to-last-good]    verify, then rebuild every module's tables and the firearm index from
			                                 the ledger and list the rows that changed; refused on a ledger that
			                                 fails verify unless told to stop before its first bad entry
			  trace --serial=S [--make=M] [--model=M] [--calibre=C] [--type=T] [--country=ISO3]
			        [--import-marking=I] [--year-from=Y] [--year-to=Y] [--limit=N] [--json]
			                                 ranked candidate records for observed markings ('?' one unreadable
			                                 character, '*' a run); --json prints one JSON object per line
			  record-seizures FILE.json        record seizures (a JSON array, as POST /api/v1/seizures takes); the
			                                 recovery protocol runs on every firearm and part (exit 3 if any refused)
			  custody-deadlines [--days=N]   judicial holds ending within N days (default 30) and overdue ones
			  destroy-items --items=ID,ID --method=M --witnesses=A,B [--on=YYYY-MM-DD] --as=USER
			                                 propose to destroy seized items in one batch, refused with every
			                                 missing condition; --approve=PROPOSAL --as=OTHER-USER carries it out
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
			  reset-sign-in --user=NAME      give an account a new one-time password and remove its second factor
			  benchmark-ledger [--events=N] [--batch=B]
			                                 append N synthetic events to an EMPTY ledger, then verify; prints rates
			  benchmark-analytics [--seizures=N] [--years=Y] [--seed=S] [--runs=R] [--kept-only]
			                                 fill an EMPTY database with N generated seizures over Y years and time
			                                 the dashboard, the map of flows and the IAFQ export
			""";

	private final Map<String, Verb> verbs;

	private int exitCode;

	CommandLineVerbs(List<Verb> verbs) {
		this.verbs = verbs.stream().collect(Collectors.toUnmodifiableMap(Verb::name, Function.identity()));
	}

	/**
	 * True for the verbs that run the web server ({@code serve}, {@code demo}) rather
	 * than one job.
	 */
	public static boolean serves(String verb) {
		return SERVE.equals(verb) || DEMO.equals(verb);
	}

	/**
	 * The verb of a command line: its first word that is not an option, {@code serve}
	 * when there is none.
	 */
	public static String verbOf(String[] args) {
		return Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(SERVE);
	}

	@Override
	public void run(ApplicationArguments args) {
		List<String> words = args.getNonOptionArgs();
		String verb = words.isEmpty() ? SERVE : words.getFirst();
		if (SERVE.equals(verb)) {
			return;
		}
		Verb job = verbs.get(verb);
		if (job == null) {
			System.err.println("unknown verb '" + verb + "'\n" + USAGE);
			exitCode = 2;
			return;
		}
		exitCode = job.run(args);
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
