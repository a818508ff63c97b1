package org.armstrace.licensing;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.armstrace.command.Checks;
import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Decision;
import org.armstrace.command.Limits;
import org.armstrace.command.PlausibleDate;
import org.armstrace.licensing.LicenceQueries.LicenceView;
import org.armstrace.reference.FirearmCategories;
import org.armstrace.registry.RegistryQueries;
import org.springframework.stereotype.Service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The steps of a licence's life, each decided on the licence's current state and recorded
 * as a ledger fact through the command kernel.
 */
@Service
public class Licences {

	/** The actor of the daily expiry: no officer expires a licence. */
	static final String EXPIRY = "system:licence-expiry";

	public record ApplyForLicence(UUID holderId, LicenceKind kind, @Size(max = Limits.NAME) String issuingAuthority,
			@Size(max = Limits.FEW) List<@NotNull @Valid Coverage> coverage, @Size(max = Limits.TEXT) String conditions,
			boolean storageInspected, @PlausibleDate LocalDate appliedOn) {
	}

	public record GrantLicence(@Size(max = Limits.REFERENCE) String number, @PlausibleDate LocalDate issuedOn,
			@PlausibleDate LocalDate validUntil) {
	}

	/** A refusal, suspension or revocation: why, and on which order (a court's, say). */
	public record Decide(@Size(max = Limits.TEXT) String reason, @Size(max = Limits.REFERENCE) String orderReference,
			@PlausibleDate LocalDate occurredOn) {
	}

	private final CommandKernel.Commands<LicensingEvent> commands;

	private final LicenceQueries queries;

	private final RegistryQueries registry;

	private final FirearmCategories categories;

	private final Clock clock;

	Licences(CommandKernel kernel, LicenceProjection projection, LicenceQueries queries, RegistryQueries registry,
			FirearmCategories categories) {
		this.commands = kernel.commandsFor(projection);
		this.queries = queries;
		this.registry = registry;
		this.categories = categories;
		this.clock = Clock.systemDefaultZone();
	}

	public CommandResult apply(ApplyForLicence c, String actor, String key) {
		return commands.run("apply-for-licence", actor, key, c, () -> {
			Checks checks = new Checks().require("holderId", c.holderId())
				.require("kind", c.kind())
				.require("issuingAuthority", blankToNull(c.issuingAuthority()))
				.require("coverage", c.coverage() == null || c.coverage().isEmpty() ? null : c.coverage())
				.notInFuture("appliedOn", c.appliedOn());
			checks.rule(c.holderId() == null || registry.holder(c.holderId()).isPresent(), "holderId",
					LicensingRule.HolderMustExist, c.holderId());
			Set<String> seen = new HashSet<>();
			for (int i = 0; c.coverage() != null && i < c.coverage().size(); i++) {
				String category = c.coverage().get(i).category();
				checks.rule(
						category != null && categories.isKnown(category)
								&& !FirearmCategories.UNCLASSIFIED.equals(category) && seen.add(category),
						"coverage[" + i + "].category", LicensingRule.CoverageIsKnownCategory, category,
						categories.codes());
			}
			if (checks.failed()) {
				return checks.refuse();
			}
			UUID id = UUID.randomUUID();
			return Decision.record(id,
					new LicensingEvent.LicenceApplied(id, c.holderId(), c.kind(), c.issuingAuthority().trim(),
							List.copyOf(c.coverage()), blankToNull(c.conditions()), c.storageInspected(),
							orToday(c.appliedOn())));
		});
	}

	public CommandResult grant(UUID id, GrantLicence c, String actor, String key) {
		return step("grant-licence", id, c, actor, key, EnumSet.of(LicenceState.APPLIED), (licence, checks) -> {
			String number = blankToNull(c.number());
			checks.require("number", number)
				.require("validUntil", c.validUntil())
				.notInFuture("issuedOn", c.issuedOn())
				.inOrder("validUntil", orToday(c.issuedOn()), c.validUntil(), "issuedOn");
			checks.rule(number == null || !queries.numberTaken(number.trim()), "number",
					LicensingRule.LicenceNumberIsUnique, number);
			return checks.failed() ? null
					: new LicensingEvent.LicenceGranted(id, number.trim(), orToday(c.issuedOn()), c.validUntil());
		});
	}

	public CommandResult refuse(UUID id, Decide c, String actor, String key) {
		return step("refuse-licence", id, c, actor, key, EnumSet.of(LicenceState.APPLIED), (licence, checks) -> {
			checks.require("reason", blankToNull(c.reason())).notInFuture("occurredOn", c.occurredOn());
			return checks.failed() ? null
					: new LicensingEvent.LicenceRefused(id, c.reason().trim(), orToday(c.occurredOn()));
		});
	}

	public CommandResult suspend(UUID id, Decide c, String actor, String key) {
		return step("suspend-licence", id, c, actor, key, EnumSet.of(LicenceState.GRANTED), (licence, checks) -> {
			checks.require("reason", blankToNull(c.reason())).notInFuture("occurredOn", c.occurredOn());
			return checks.failed() ? null : new LicensingEvent.LicenceSuspended(id, c.reason().trim(),
					blankToNull(c.orderReference()), orToday(c.occurredOn()));
		});
	}

	public CommandResult reinstate(UUID id, Decide c, String actor, String key) {
		return step("reinstate-licence", id, c, actor, key, EnumSet.of(LicenceState.SUSPENDED), (licence, checks) -> {
			checks.notInFuture("occurredOn", c.occurredOn());
			return checks.failed() ? null : new LicensingEvent.LicenceReinstated(id, orToday(c.occurredOn()));
		});
	}

	public CommandResult revoke(UUID id, Decide c, String actor, String key) {
		return step("revoke-licence", id, c, actor, key, EnumSet.of(LicenceState.GRANTED, LicenceState.SUSPENDED),
				(licence, checks) -> {
					checks.require("reason", blankToNull(c.reason())).notInFuture("occurredOn", c.occurredOn());
					return checks.failed() ? null
							: new LicensingEvent.LicenceRevoked(id, c.reason().trim(), orToday(c.occurredOn()));
				});
	}

	/** Records the expiry of every licence whose validity ended before today. */
	public int expirePastValidity() {
		LocalDate today = LocalDate.now(clock);
		int expired = 0;
		for (UUID id : queries.pastValidity(today)) {
			CommandResult result = commands.run("expire-licence", EXPIRY, null, List.of(id), () -> queries.licence(id)
				.filter(l -> l.state() == LicenceState.GRANTED || l.state() == LicenceState.SUSPENDED)
				.filter(l -> l.validUntil().isBefore(today))
				.<Decision<LicensingEvent>>map(
						l -> Decision.record(id, new LicensingEvent.LicenceExpired(id, l.validUntil().plusDays(1))))
				.orElseGet(() -> Decision.refuse("licenceId", LicensingRule.LicenceStepIsAllowed, "expire",
						"not past validity")));
			expired += result instanceof CommandResult.Accepted ? 1 : 0;
		}
		return expired;
	}

	/** A step on an existing licence, allowed only from {@code from}. */
	private CommandResult step(String command, UUID id, Object body, String actor, String key, Set<LicenceState> from,
			StepDecision decide) {
		return commands.run(command, actor, key, Arrays.asList(id, body), () -> {
			Optional<LicenceView> licence = queries.licence(id);
			if (licence.isEmpty()) {
				return Decision.refuse("licenceId", LicensingRule.LicenceMustExist, id);
			}
			Checks checks = new Checks();
			checks.rule(from.contains(licence.get().state()), "licenceId", LicensingRule.LicenceStepIsAllowed, command,
					licence.get().state());
			if (checks.failed()) {
				return checks.refuse();
			}
			LicensingEvent event = decide.apply(licence.get(), checks);
			return checks.failed() || event == null ? checks.refuse() : Decision.record(id, event);
		});
	}

	@FunctionalInterface
	private interface StepDecision {

		LicensingEvent apply(LicenceView licence, Checks checks);

	}

	private LocalDate orToday(LocalDate day) {
		return day == null ? LocalDate.now(clock) : day;
	}

	private static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text;
	}

}
