package org.armstrace.cli;

import java.util.List;

import org.armstrace.command.Words;
import org.armstrace.tracing.Candidate;
import org.armstrace.tracing.IndexLag;
import org.armstrace.tracing.Matches;
import org.armstrace.tracing.ObservedMarkings;
import org.armstrace.tracing.Tracing;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code trace --serial=S [...]}: observed markings as options, ranked candidates out, as
 * a table or, with {@code --json}, one JSON object per line.
 */
@Component
class TraceVerb implements Verb {

	static final String USAGE = "trace --serial=S [--make=M] [--model=M] [--calibre=C] [--type=T] [--country=ISO3] "
			+ "[--import-marking=I] [--year-from=Y] [--year-to=Y] [--limit=N] [--json]";

	private final Tracing tracing;

	private final JsonMapper json;

	private final Words words;

	TraceVerb(Tracing tracing, JsonMapper json, Words words) {
		this.tracing = tracing;
		this.json = json;
		this.words = words;
	}

	@Override
	public String name() {
		return "trace";
	}

	@Override
	public int run(ApplicationArguments args) {
		String serial = option(args, "serial");
		if (serial == null || serial.isBlank()) {
			System.err.println(
					"serial: give --serial (use '?' for one unreadable character, '*' for a run)\nusage: " + USAGE);
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
		if (matches.isBehind()) {
			System.err.println(words.english(new IndexLag(matches.indexBehind())));
		}
		print(matches.candidates(), args.containsOption("json"));
		return 0;
	}

	private void print(List<Candidate> candidates, boolean asJson) {
		if (asJson) {
			for (Candidate c : candidates) {
				System.out.println(json.writeValueAsString(c));
			}
			return;
		}
		if (candidates.isEmpty()) {
			System.out.println("no candidate records");
			return;
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
	}

	private static String option(ApplicationArguments args, String name) {
		return Options.value(args, name, null);
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
