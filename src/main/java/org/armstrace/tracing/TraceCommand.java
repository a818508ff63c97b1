package org.armstrace.tracing;

import java.util.List;

import org.armstrace.command.Words;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code trace} verb: observed markings as options, ranked candidates out, as a table or, with
 * {@code --json}, one JSON object per line.
 */
@Component
public class TraceCommand {

	static final String USAGE = "trace --serial=S [--make=M] [--model=M] [--calibre=C] [--type=T] [--country=ISO3] "
			+ "[--import-marking=I] [--year-from=Y] [--year-to=Y] [--limit=N] [--json]";

	private final Tracing tracing;

	private final JsonMapper json;

	private final Words words;

	TraceCommand(Tracing tracing, JsonMapper json, Words words) {
		this.tracing = tracing;
		this.json = json;
		this.words = words;
	}

	public int run(ApplicationArguments args) {
		String serial = option(args, "serial");
		if (serial == null || serial.isBlank()) {
			System.err.println("serial: give --serial (use '?' for one unreadable character, '*' for a run)\nusage: "
					+ USAGE);
			return 2;
		}
		ObservedMarkings observed;
		int limit;
		try {
			observed = new ObservedMarkings(serial, option(args, "make"), option(args, "model"),
					option(args, "calibre"), option(args, "type"), option(args, "country"),
					option(args, "import-marking"), number(args, "year-from"), number(args, "year-to"));
			Integer asked = number(args, "limit");
			limit = asked == null ? 10 : asked;
		}
		catch (IllegalArgumentException e) {
			System.err.println(e.getMessage() + "\nusage: " + USAGE);
			return 2;
		}
		tracing.catchUp();
		Matches matches = tracing.match(observed, limit);
		if (matches.refused()) {
			matches.refusals().forEach(r -> System.err.println(r.field() + ": " + words.english(r)));
			return 2;
		}
		List<Candidate> candidates = matches.candidates();
		if (args.containsOption("json")) {
			for (Candidate c : candidates) {
				System.out.println(json.writeValueAsString(c));
			}
			return 0;
		}
		if (candidates.isEmpty()) {
			System.out.println("no candidate records");
			return 0;
		}
		System.out.printf("%-4s %-16s %-14s %-20s %-24s %-8s %-9s %s%n", "rank", "record", "legacy ref", "serial",
				"make", "score", "band", "tie");
		int rank = 1;
		for (Candidate c : candidates) {
			System.out.printf("%-4d %-16s %-14s %-20s %-24s %-8.4f %-9s %s%n", rank++, c.recordNumber(),
					c.legacyReference() == null ? "" : c.legacyReference(), c.serial(), c.make(), c.score(), c.band(),
					c.tie() ? "tie" : "");
			System.out.println("     " + String.join("; ", words.english(c.explanation())));
		}
		return 0;
	}

	private static String option(ApplicationArguments args, String name) {
		return args.containsOption(name) && !args.getOptionValues(name).isEmpty() ? args.getOptionValues(name).getFirst()
				: null;
	}

	private static Integer number(ApplicationArguments args, String name) {
		String value = option(args, name);
		if (value == null) {
			return null;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException e) {
			throw new IllegalArgumentException(name + ": must be a whole number, was '" + value + "'");
		}
	}

}
