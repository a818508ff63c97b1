package org.armstrace.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.armstrace.command.CommandResult;
import org.armstrace.command.Words;
import org.armstrace.identity.Actors;
import org.armstrace.identity.Role;
import org.armstrace.identity.Users;
import org.armstrace.seizure.DestructionGate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * {@code destroy-items --items=ID,ID --method=M --witnesses=A,B [--on=DATE] --as=USER}:
 * proposes to destroy seized items in one batch, or lists every condition still missing
 * (exit 3); {@code destroy-items --approve=PROPOSAL --as=USER}: another user approves the
 * proposal and the items are destroyed. {@code --as} names an ArmsTrace user holding
 * ADMIN or REGISTRAR, the one the ledger records.
 */
@Component
class DestroyItemsVerb implements Verb {

	private static final String USAGE = "usage: destroy-items --items=ID,ID --method=M --witnesses=A,B "
			+ "[--on=YYYY-MM-DD] --as=USER | destroy-items --approve=PROPOSAL --as=USER: ";

	private final DestructionGate destruction;

	private final Words sentences;

	private final Users users;

	private final Actors actors;

	DestroyItemsVerb(DestructionGate destruction, Words words, Users users, Actors actors) {
		this.destruction = destruction;
		this.sentences = words;
		this.users = users;
		this.actors = actors;
	}

	@Override
	public String name() {
		return "destroy-items";
	}

	@Override
	public int run(ApplicationArguments args) {
		try {
			String actor = actor(Options.value(args, "as", null))
				.orElseThrow(() -> new IllegalArgumentException("--as must name a user holding ADMIN or REGISTRAR"));
			String approve = Options.value(args, "approve", null);
			CommandResult result = approve != null ? destruction.approve(UUID.fromString(approve), actor)
					: destruction.propose(proposal(args), actor);
			if (result instanceof CommandResult.Accepted a) {
				System.out
					.println(approve != null ? "approved: proposal " + a.subjectId() + " carried out, items destroyed"
							: "proposed: " + a.subjectId() + " (another user approves it: destroy-items --approve="
									+ a.subjectId() + " --as=USER)");
				return 0;
			}
			((CommandResult.Rejected) result).violations()
				.forEach(v -> System.out.printf("refused: %s: %s (%s)%n", v.field(), sentences.english(v), v.rule()));
			return 3;
		}
		catch (IllegalArgumentException | DateTimeParseException e) {
			System.err.println(USAGE + e.getMessage());
			return 2;
		}
	}

	private DestructionGate.DestroyItems proposal(ApplicationArguments args) {
		List<UUID> items = Arrays.stream(Options.value(args, "items", "").split(","))
			.map(String::trim)
			.filter(s -> !s.isEmpty())
			.map(UUID::fromString)
			.toList();
		String on = Options.value(args, "on", null);
		return new DestructionGate.DestroyItems(items, Options.value(args, "method", null),
				Arrays.asList(Options.value(args, "witnesses", "").split(",")),
				on == null ? null : LocalDate.parse(on));
	}

	private Optional<String> actor(String username) {
		return Optional.ofNullable(username)
			.flatMap(users::find)
			.filter(account -> !account.disabled()
					&& (account.roles().contains(Role.ADMIN) || account.roles().contains(Role.REGISTRAR)))
			.flatMap(account -> actors.ofUsername(account.username()));
	}

}
