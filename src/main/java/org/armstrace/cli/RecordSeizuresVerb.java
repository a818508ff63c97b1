package org.armstrace.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.armstrace.command.CommandResult;
import org.armstrace.command.Refusal;
import org.armstrace.command.Words;
import org.armstrace.seizure.SeizureQueries;
import org.armstrace.seizure.Seizures;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code record-seizures FILE.json}: a JSON array of seizures (the REST body's shape),
 * each recorded with its recovery protocol printed per item; exit 3 if any was refused.
 */
@Component
class RecordSeizuresVerb implements Verb {

	private final Seizures seizures;

	private final SeizureQueries queries;

	private final JsonMapper json;

	private final Words sentences;

	RecordSeizuresVerb(Seizures seizures, SeizureQueries queries, JsonMapper json, Words words) {
		this.seizures = seizures;
		this.queries = queries;
		this.json = json;
		this.sentences = words;
	}

	@Override
	public String name() {
		return "record-seizures";
	}

	@Override
	public int run(ApplicationArguments args) {
		List<String> words = args.getNonOptionArgs();
		if (words.size() < 2) {
			System.err
				.println("usage: record-seizures FILE.json (a JSON array of seizures as POST /api/v1/seizures takes)");
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
			if (!record(n, node)) {
				refused++;
			}
		}
		return refused == 0 ? 0 : 3;
	}

	/** Records the n-th seizure and prints what happened; false when it was refused. */
	private boolean record(int n, JsonNode node) {
		Seizures.RecordSeizure seizure;
		try {
			seizure = json.treeToValue(node, Seizures.RecordSeizure.class);
		}
		catch (RuntimeException e) {
			System.out.printf("seizure %d: refused: not a seizure: %s%n", n, e.getMessage());
			return false;
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
			return true;
		}
		for (Refusal v : ((CommandResult.Rejected) result).violations()) {
			System.out.printf("seizure %d: refused: %s: %s (%s)%n", n, v.field(), sentences.english(v), v.rule());
		}
		return false;
	}

}
