package org.armstrace.registry;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.armstrace.command.Checks;
import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Decision;
import org.armstrace.command.Limits;
import org.armstrace.reference.Catalogue;
import org.armstrace.reference.Countries;
import org.armstrace.registry.RegistryEvent.LegacyValueStandardised;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import jakarta.validation.constraints.Size;

/**
 * An officer's reading of a value legacy registers wrote: approved once, it is recorded
 * on the ledger for every record holding that text (one
 * {@code registry.legacy-value-standardised} each), later imports read the text so, and
 * for a make or calibre the text becomes an alias in the catalogue.
 */
@Service
public class LegacyReadings {

	/**
	 * @param field the legacy column: make, calibre, type, country_of_manufacture, year,
	 * status
	 * @param text the value as written, exactly as the data-quality queue lists it
	 * @param value what it stands for: a country's code or name, a type or status, a
	 * year, a catalogue name or alias
	 */
	public record ApproveReading(@Size(max = Limits.SHORT) String field, @Size(max = Limits.NAME) String text,
			@Size(max = Limits.NAME) String value) {
	}

	private final CommandKernel.Commands<RegistryEvent> commands;

	private final JdbcClient jdbc;

	private final Countries countries;

	private final Catalogue catalogue;

	LegacyReadings(CommandKernel kernel, RegistryProjection projection, JdbcClient jdbc, Countries countries,
			Catalogue catalogue) {
		this.commands = kernel.commandsFor(projection);
		this.jdbc = jdbc;
		this.countries = countries;
		this.catalogue = catalogue;
	}

	/** The subject of an accepted approval is the approval's own id. */
	public CommandResult approve(ApproveReading c, String actor, String idempotencyKey) {
		return commands.run("approve-legacy-reading", actor, idempotencyKey, c, () -> {
			Checks checks = new Checks().require("field", c.field())
				.require("text", c.text())
				.require("value", c.value());
			if (checks.failed()) {
				return checks.refuse();
			}
			Optional<LegacyField> field = LegacyField.of(c.field());
			checks.rule(field.isPresent(), "field", RegistryRule.LegacyFieldIsKnown, c.field(),
					Arrays.stream(LegacyField.values()).map(f -> f.column).toList().toString());
			if (checks.failed()) {
				return checks.refuse();
			}
			Optional<String> value = LegacyMapping.standardForm(field.get(), c.value(), countries, catalogue);
			checks.rule(value.isPresent(), "value", RegistryRule.ReadingIsKnownValue, c.field(), c.value());
			Optional<String> already = catalogueReading(field.get(), c.text());
			checks.rule(already.isEmpty() || already.equals(value), "text", RegistryRule.TextStandsForOneValue,
					c.text(), already.orElse(""));
			List<UUID> records = checks.failed() ? List.of() : holding(field.get(), c.text());
			checks.rule(checks.failed() || !records.isEmpty(), "text", RegistryRule.TextIsOnTheRecord, c.field(),
					c.text());
			if (checks.failed()) {
				return checks.refuse();
			}
			UUID approval = UUID.randomUUID();
			List<LegacyValueStandardised> events = records.stream()
				.map(id -> new LegacyValueStandardised(id, c.field(), c.text(), value.get(), approval))
				.toList();
			return Decision.<RegistryEvent>record(approval, events)
				.alsoWrite(() -> catalogueKind(field.get())
					.ifPresent(kind -> catalogue.add(kind, value.get(), null, List.of(c.text()))));
		});
	}

	private static Optional<Catalogue.Kind> catalogueKind(LegacyField field) {
		return switch (field) {
			case MAKE -> Optional.of(Catalogue.Kind.MAKE);
			case CALIBRE -> Optional.of(Catalogue.Kind.CALIBRE);
			default -> Optional.empty();
		};
	}

	/**
	 * What the catalogue already reads a make or calibre as: another reading is refused.
	 */
	private Optional<String> catalogueReading(LegacyField field, String text) {
		return catalogueKind(field).flatMap(kind -> catalogue.canonical(kind, text));
	}

	/** The records holding the text as written, and not yet read. */
	private List<UUID> holding(LegacyField field, String text) {
		if (field.firearmColumn == null) {
			return jdbc.sql("SELECT id FROM firearm WHERE " + field.column + " = ? ORDER BY id")
				.param(text)
				.query(UUID.class)
				.list();
		}
		return jdbc.sql("SELECT firearm_id FROM firearm_as_written WHERE field = ? AND text = ? ORDER BY firearm_id")
			.params(field.column, text)
			.query(UUID.class)
			.list();
	}

}
