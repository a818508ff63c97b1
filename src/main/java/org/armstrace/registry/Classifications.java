package org.armstrace.registry;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;

import org.armstrace.command.Checks;
import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Decision;
import org.armstrace.command.Limits;
import org.armstrace.command.PlausibleDate;
import org.armstrace.reference.FirearmCategories;
import org.springframework.stereotype.Service;

import jakarta.validation.constraints.Size;

/**
 * Puts a firearm in a category of the State's classification: what a licence must cover
 * for anyone to acquire it.
 */
@Service
public class Classifications {

	public record Classify(@Size(max = Limits.SHORT) String category, @PlausibleDate LocalDate occurredOn) {
	}

	private final CommandKernel.Commands<RegistryEvent> commands;

	private final RegistryState state;

	private final FirearmCategories categories;

	Classifications(CommandKernel kernel, RegistryProjection projection, RegistryState state,
			FirearmCategories categories) {
		this.commands = kernel.commandsFor(projection);
		this.state = state;
		this.categories = categories;
	}

	public CommandResult classify(UUID firearmId, Classify c, String actor, String key) {
		return commands.run("classify-firearm", actor, key, Arrays.asList(firearmId, c), () -> {
			Optional<String> current = state.firearmCategory(firearmId);
			if (current.isEmpty()) {
				return Decision.refuse("firearmId", RegistryRule.FirearmMustExist, firearmId);
			}
			String category = c.category() == null ? null : c.category().trim();
			Checks checks = new Checks().require("category", category).notInFuture("occurredOn", c.occurredOn());
			checks.rule(category == null || categories.isKnown(category), "category", RegistryRule.CategoryIsKnown,
					category, categories.codes());
			checks.rule(category == null || !category.equals(current.get()), "category", RegistryRule.CategoryChanges,
					category);
			if (checks.failed()) {
				return checks.refuse();
			}
			return Decision.record(firearmId, new RegistryEvent.FirearmClassified(firearmId, category, current.get(),
					Checks.orToday(c.occurredOn())));
		});
	}

}
