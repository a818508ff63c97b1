package org.armstrace.seizure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.armstrace.command.CommandResult;
import org.armstrace.command.Refusal;
import org.armstrace.command.Words;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The seizure verbs for bulk work: record seizures from a JSON file, list judicial deadlines, destroy a batch of
 * items, export IAFQ data. Each prints what it did and exits non-zero when anything was refused.
 */
@Component
public class SeizureCommandLine {

	private final Seizures seizures;

	private final SeizureQueries queries;

	private final IafqExport iafq;

	private final JsonMapper json;

	private final DestructionGate destruction;

	private final Words sentences;

	SeizureCommandLine(Seizures seizures, SeizureQueries queries, IafqExport iafq, JsonMapper json,
			DestructionGate destruction, Words words) {
		this.destruction = destruction;
		this.sentences = words;
		this.seizures = seizures;
		this.queries = queries;
		this.iafq = iafq;
		this.json = json;
	}

	/** {@code record-seizures FILE}: a JSON array of seizures (the REST body's shape); exit 3 if any was refused. */
	public int recordSeizures(ApplicationArguments args) {
		List<String> words = args.getNonOptionArgs();
		if (words.size() < 2) {
			System.err.println("usage: record-seizures FILE.json (a JSON array of seizures as POST /api/v1/seizures takes)");
			return 2;
		}
		JsonNode all;
		try {
			all = json.readTree(Files.readString(Path.of(words.get(1)), StandardCharsets.UTF_8));
		}
		catch (IOException e) {
			System.err.println("cannot read " + words.get(1) + ": " + e.getMessage());
			return 2;
		}
		if (!all.isArray()) {
			System.err.println(words.get(1) + ": expected a JSON array of seizures");
			return 2;
		}
		int refused = 0;
		int n = 0;
		for (JsonNode node : all) {
			n++;
			Seizures.RecordSeizure seizure;
			try {
				seizure = json.treeToValue(node, Seizures.RecordSeizure.class);
			}
			catch (RuntimeException e) {
				System.out.printf("seizure %d: refused: not a seizure: %s%n", n, e.getMessage());
				refused++;
				continue;
			}
			CommandResult result = seizures.record(seizure, "system:command-line");
			if (result instanceof CommandResult.Accepted a) {
				SeizureQueries.SeizureView view = queries.seizure(a.subjectId()).orElseThrow();
				System.out.printf("seizure %d: %s recorded, %d item(s)%n", n, view.reference(), view.items().size());
				for (SeizureQueries.ItemView item : view.items()) {
					for (SeizureQueries.Step step : item.protocol()) {
						System.out.printf("  %s %-24s %-15s %s%n", item.reference(), step.step(), step.state(),
								sentences.english(step));
					}
				}
			}
			else {
				refused++;
				for (Refusal v : ((CommandResult.Rejected) result).violations()) {
					System.out.printf("seizure %d: refused: %s: %s (%s)%n", n, v.field(), sentences.english(v), v.rule());
				}
			}
		}
		return refused == 0 ? 0 : 3;
	}

	/** {@code custody-deadlines [--days=N]}: holds ending within N days (default 30) and overdue ones. */
	public int deadlines(ApplicationArguments args) {
		int days = Integer.parseInt(option(args, "days", "30"));
		List<SeizureQueries.Deadline> found = queries.deadlines(days);
		for (SeizureQueries.Deadline d : found) {
			System.out.printf("%-10s %-22s %-12s %-30s %s, %s%n", d.overdue() ? "OVERDUE" : "due", d.itemReference(),
					d.until(), d.storageLocation(), d.caseReference(), d.court());
		}
		System.out.printf("%d judicial deadline(s) within %d days or overdue%n", found.size(), days);
		return 0;
	}

	/** {@code destroy-items --items=ID,ID --method=M --witnesses=A,B [--on=DATE]}. */
	public int destroy(ApplicationArguments args) {
		try {
			List<UUID> items = Arrays.stream(option(args, "items", "").split(",")).map(String::trim)
				.filter(s -> !s.isEmpty()).map(UUID::fromString).toList();
			String on = option(args, "on", null);
			CommandResult result = destruction.destroy(new DestructionGate.DestroyItems(items, option(args, "method", null),
					Arrays.asList(option(args, "witnesses", "").split(",")), on == null ? null : LocalDate.parse(on)),
					"system:command-line");
			if (result instanceof CommandResult.Accepted a) {
				System.out.printf("destroyed %d item(s), batch %s%n", items.size(), a.subjectId());
				return 0;
			}
			((CommandResult.Rejected) result).violations()
				.forEach(v -> System.out.printf("refused: %s: %s (%s)%n", v.field(), sentences.english(v), v.rule()));
			return 3;
		}
		catch (IllegalArgumentException | DateTimeParseException e) {
			System.err.println("usage: destroy-items --items=ID,ID --method=M --witnesses=A,B [--on=YYYY-MM-DD]: "
					+ e.getMessage());
			return 2;
		}
	}

	/** {@code iafq-export --from=DATE --to=DATE [--out=FILE.xlsx|FILE.csv]}. */
	public int export(ApplicationArguments args) {
		LocalDate from;
		LocalDate to;
		try {
			from = LocalDate.parse(option(args, "from", ""));
			to = LocalDate.parse(option(args, "to", ""));
		}
		catch (DateTimeParseException e) {
			System.err.println("usage: iafq-export --from=YYYY-MM-DD --to=YYYY-MM-DD [--out=FILE.xlsx|FILE.csv]");
			return 2;
		}
		IafqExport.Report report = iafq.report(from, to);
		Path out = Path.of(option(args, "out", "iafq-" + from + "-" + to + ".xlsx"));
		try {
			if (out.toString().endsWith(".csv")) {
				Files.writeString(out, iafq.csv(report), StandardCharsets.UTF_8);
			}
			else {
				Files.write(out, iafq.xlsx(report));
			}
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		System.out.printf("IAFQ %s..%s: %d seizures, %d firearms, %d parts, %d rounds -> %s%n", from, to,
				report.seizures(), report.firearms(), report.parts(), report.rounds(), out.toAbsolutePath());
		return 0;
	}

	private static String option(ApplicationArguments args, String name, String fallback) {
		return args.containsOption(name) && !args.getOptionValues(name).isEmpty() ? args.getOptionValues(name).getFirst()
				: fallback;
	}

}
