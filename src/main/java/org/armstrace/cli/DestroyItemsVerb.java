package org.armstrace.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.armstrace.command.CommandResult;
import org.armstrace.command.Words;
import org.armstrace.seizure.DestructionGate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code destroy-items --items=ID,ID --method=M --witnesses=A,B [--on=DATE]}: destroys
 * seized items in one batch, or lists every condition still missing (exit 3).
 */
@Component
class DestroyItemsVerb implements Verb {

	private final DestructionGate destruction;

	private final Words sentences;

	DestroyItemsVerb(DestructionGate destruction, Words words) {
		this.destruction = destruction;
		this.sentences = words;
	}

	@Override
	public String name() {
		return "destroy-items";
	}

	@Override
	public int run(ApplicationArguments args) {
		try {
			List<UUID> items = Arrays.stream(Options.value(args, "items", "").split(","))
				.map(String::trim)
				.filter(s -> !s.isEmpty())
				.map(UUID::fromString)
				.toList();
			String on = Options.value(args, "on", null);
			CommandResult result = destruction.destroy(new DestructionGate.DestroyItems(items,
					Options.value(args, "method", null), Arrays.asList(Options.value(args, "witnesses", "").split(",")),
					on == null ? null : LocalDate.parse(on)), "system:command-line");
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

}
