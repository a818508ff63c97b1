package org.armstrace.licensing;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.armstrace.command.Checks;
import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Decision;
import org.armstrace.command.Limits;
import org.armstrace.command.PlausibleDate;
import org.armstrace.licensing.LicenceQueries.LicenceView;
import org.armstrace.reference.Countries;
import org.armstrace.reference.FirearmCategories;
import org.armstrace.registry.RegistryQueries;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The record of brokering activities the Firearms Protocol (art. 15) asks of registered
 * brokers: who brokered, what, from where to where, through which countries; reported
 * under a broker's licence valid that day.
 */
@Service
public class Brokering {

	public record ReportBrokering(UUID licenceId, @Size(max = Limits.TEXT) String description,
			@Size(max = Limits.CODE) String category, @Max(Coverage.MAX_QUANTITY) int quantity,
			@Size(max = Limits.COUNTRY) String fromCountry, @Size(max = Limits.COUNTRY) String toCountry,
			@Size(max = Limits.FEW) List<@NotNull @Size(max = Limits.COUNTRY) String> transitCountries, UUID sellerId,
			UUID buyerId, @Size(max = Limits.REFERENCE) String transactionReference,
			@PlausibleDate LocalDate occurredOn) {
	}

	/** One activity as recorded. */
	public record Activity(UUID id, UUID licenceId, String description, String category, int quantity,
			String fromCountry, String toCountry, String transitCountries, UUID sellerId, UUID buyerId,
			String transactionReference, LocalDate occurredOn) {
	}

	private final CommandKernel.Commands<LicensingEvent> commands;

	private final LicenceQueries licences;

	private final RegistryQueries registry;

	private final FirearmCategories categories;

	private final JdbcClient jdbc;

	private final Countries countries;

	Brokering(CommandKernel kernel, LicenceProjection projection, LicenceQueries licences, RegistryQueries registry,
			FirearmCategories categories, JdbcClient jdbc, Countries countries) {
		this.countries = countries;
		this.commands = kernel.commandsFor(projection);
		this.licences = licences;
		this.registry = registry;
		this.categories = categories;
		this.jdbc = jdbc;
	}

	public CommandResult report(ReportBrokering c, String actor, String key) {
		return commands.run("report-brokering", actor, key, c, () -> {
			LocalDate on = c.occurredOn() == null ? LocalDate.now() : c.occurredOn();
			// countries as officers name them ("Autriche", "U.S.A."), recorded as alpha-3
			// codes
			String from = countries.codeOrAsGiven(c.fromCountry());
			String to = countries.codeOrAsGiven(c.toCountry());
			Checks checks = new Checks().require("licenceId", c.licenceId())
				.require("description", c.description() == null || c.description().isBlank() ? null : c.description())
				.inRange("quantity", c.quantity(), 1, Coverage.MAX_QUANTITY)
				.country("fromCountry", from)
				.country("toCountry", to)
				.notInFuture("occurredOn", c.occurredOn());
			List<String> transit = c.transitCountries() == null ? List.of()
					: c.transitCountries().stream().map(countries::codeOrAsGiven).toList();
			for (int i = 0; i < transit.size(); i++) {
				checks.country("transitCountries[" + i + "]", transit.get(i));
			}
			Optional<LicenceView> licence = c.licenceId() == null ? Optional.empty() : licences.licence(c.licenceId());
			checks.rule(c.licenceId() == null
					|| licence.filter(l -> l.kind() == LicenceKind.BROKER).filter(l -> l.validOn(on)).isPresent(),
					"licenceId", LicensingRule.BrokerIsRegistered, c.licenceId(), on);
			checks.rule(c.category() == null || categories.isKnown(c.category()), "category",
					LicensingRule.CoverageIsKnownCategory, c.category(), categories.codes());
			checks.rule(c.sellerId() == null || registry.holder(c.sellerId()).isPresent(), "sellerId",
					LicensingRule.HolderMustExist, c.sellerId());
			checks.rule(c.buyerId() == null || registry.holder(c.buyerId()).isPresent(), "buyerId",
					LicensingRule.HolderMustExist, c.buyerId());
			if (checks.failed()) {
				return checks.refuse();
			}
			UUID id = UUID.randomUUID();
			return Decision.record(id,
					new LicensingEvent.BrokeringActivityRecorded(c.licenceId(), id, c.description().trim(),
							c.category(), c.quantity(), from, to, List.copyOf(transit), c.sellerId(), c.buyerId(),
							c.transactionReference(), on));
		});
	}

	/** A broker's activities, most recent first. */
	@Transactional(readOnly = true)
	public List<Activity> of(UUID licenceId) {
		return jdbc.sql("SELECT * FROM brokering_activity WHERE licence_id = ? ORDER BY occurred_on DESC, id")
			.param(licenceId)
			.query((rs, n) -> new Activity(rs.getObject("id", UUID.class), rs.getObject("licence_id", UUID.class),
					rs.getString("description"), rs.getString("category"), rs.getInt("quantity"),
					rs.getString("from_country"), rs.getString("to_country"), rs.getString("transit_countries"),
					rs.getObject("seller_id", UUID.class), rs.getObject("buyer_id", UUID.class),
					rs.getString("transaction_reference"), rs.getObject("occurred_on", LocalDate.class)))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Activity> activity(UUID id) {
		return jdbc.sql("SELECT licence_id FROM brokering_activity WHERE id = ?")
			.param(id)
			.query(UUID.class)
			.optional()
			.flatMap(licence -> of(licence).stream().filter(a -> a.id().equals(id)).findFirst());
	}

}
