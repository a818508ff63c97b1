package org.armstrace.transfers;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
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
import org.armstrace.reference.Countries;
import org.armstrace.registry.RegistryQueries;
import org.armstrace.transfers.AuthorisationQueries.AuthorisationView;
import org.armstrace.transfers.TransfersEvent.Line;
import org.springframework.stereotype.Service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The steps of an export, import or transit authorisation, each decided on its current
 * state and recorded as a ledger fact. An export is granted only in the Firearms
 * Protocol's order of consent (art. 10(2)): the importing State's authorisation and every
 * transit State's notice of no objection first, and, as the State requires, a verified
 * end-user certificate and the risk assessment of ATT art. 7.
 */
@Service
public class Authorisations {

	public record LineRequest(LineKind kind, UUID firearmId, @Size(max = Limits.CODE) String partKind,
			@Size(max = Limits.SHORT) String calibre, @Size(max = Limits.NAME) String description,
			@Max(Limits.ROUNDS) Long quantity) {

		/** A firearm's line is one firearm: its quantity may be left out. */
		long count() {
			return quantity == null ? kind == LineKind.FIREARM ? 1 : 0 : quantity;
		}

	}

	public record Apply(TransferKind kind, UUID applicantId, @Size(max = Limits.NAME) String issuingAuthority,
			@Size(max = Limits.NAME) String placeOfIssue, @Size(max = Limits.COUNTRY) String exportCountry,
			@Size(max = Limits.COUNTRY) String importCountry,
			@Size(max = Limits.FEW) List<@NotNull @Size(max = Limits.COUNTRY) String> transitCountries,
			@Size(max = Limits.NAME) String finalRecipient, @Size(max = Limits.TEXT) String description,
			@Size(max = Limits.ITEMS) List<@NotNull @Valid LineRequest> lines,
			@Size(max = Limits.REFERENCE) String foreignReference, @PlausibleDate LocalDate foreignIssuedOn,
			@PlausibleDate LocalDate appliedOn) {
	}

	public record RecordImportAuthorisation(@Size(max = Limits.REFERENCE) String reference,
			@PlausibleDate LocalDate issuedOn, @Size(max = Limits.NAME) String verifiedHow) {
	}

	public record RecordTransitNotice(@Size(max = Limits.COUNTRY) String country,
			@Size(max = Limits.REFERENCE) String noticeReference, @PlausibleDate LocalDate noticedOn) {
	}

	public record RecordEndUserCertificate(@Size(max = Limits.REFERENCE) String certificateReference,
			@Size(max = Limits.NAME) String endUser, @Size(max = Limits.TEXT) String endUse,
			@Size(max = Limits.TEXT) String reExportClause, @Size(max = Limits.NAME) String signatory) {
	}

	public record VerifyEndUserCertificate(@Size(max = Limits.NAME) String verifiedWith,
			@PlausibleDate LocalDate verifiedOn) {
	}

	public record AssessRisk(@Size(max = Limits.FEW) List<@NotNull RiskCriterion> overriding,
			@Size(max = Limits.LONG_TEXT) String mitigation, @PlausibleDate LocalDate assessedOn) {
	}

	public record Grant(@Size(max = Limits.REFERENCE) String number, @PlausibleDate LocalDate issuedOn,
			@PlausibleDate LocalDate validUntil, @Size(max = Limits.TEXT) String conditions) {
	}

	public record Decide(@Size(max = Limits.TEXT) String reason, @PlausibleDate LocalDate occurredOn) {
	}

	public record RecordForeignExport(@Size(max = Limits.COUNTRY) String country,
			@Size(max = Limits.REFERENCE) String reference, @PlausibleDate LocalDate issuedOn,
			@Size(max = Limits.TEXT) String description) {
	}

	/** The longest an authorisation may be valid. */
	static final int MAX_VALIDITY_YEARS = 5;

	private final CommandKernel.Commands<TransfersEvent> commands;

	private final AuthorisationQueries queries;

	private final RegistryQueries registry;

	private final Countries countries;

	private final TransfersProperties properties;

	Authorisations(CommandKernel kernel, TransfersProjection projection, AuthorisationQueries queries,
			RegistryQueries registry, Countries countries, TransfersProperties properties) {
		this.commands = kernel.commandsFor(projection);
		this.queries = queries;
		this.registry = registry;
		this.countries = countries;
		this.properties = properties;
	}

	public CommandResult apply(Apply c, String actor, String key) {
		return commands.run("apply-for-transfer-authorisation", actor, key, c, () -> {
			String from = country(c.exportCountry());
			String to = country(c.importCountry());
			List<String> transit = c.transitCountries() == null ? List.of()
					: c.transitCountries().stream().map(this::country).toList();
			Checks checks = new Checks().require("kind", c.kind())
				.require("applicantId", c.applicantId())
				.require("issuingAuthority", text(c.issuingAuthority()))
				.require("placeOfIssue", text(c.placeOfIssue()))
				.country("exportCountry", from)
				.country("importCountry", to)
				.require("finalRecipient", text(c.finalRecipient()))
				.require("description", text(c.description()))
				.notInFuture("appliedOn", c.appliedOn())
				.notInFuture("foreignIssuedOn", c.foreignIssuedOn());
			for (int i = 0; i < transit.size(); i++) {
				checks.country("transitCountries[" + i + "]", transit.get(i));
			}
			checks.rule(c.applicantId() == null || registry.holder(c.applicantId()).isPresent(), "applicantId",
					TransfersRule.ApplicantMustExist, c.applicantId());
			checks.rule(from == null || !from.equals(to), "importCountry", TransfersRule.CountriesDiffer, from);
			checks.rule(c.kind() == null || c.kind() == TransferKind.EXPORT || text(c.foreignReference()) != null,
					"foreignReference", TransfersRule.ForeignExportIsQuoted, c.kind());
			checks.rule(c.lines() != null && !c.lines().isEmpty(), "lines", TransfersRule.LinesAreGiven, Limits.ITEMS);
			List<Line> lines = new ArrayList<>();
			Set<UUID> firearms = new LinkedHashSet<>();
			for (int i = 0; c.lines() != null && i < c.lines().size(); i++) {
				LineRequest l = c.lines().get(i);
				String at = "lines[" + i + "]";
				checks.require(at + ".kind", l.kind());
				checks.rule(l.count() >= 1 && (l.kind() != LineKind.FIREARM || l.count() == 1), at + ".quantity",
						TransfersRule.LineQuantityIsPositive, l.count());
				if (l.kind() == LineKind.FIREARM) {
					checks.require(at + ".firearmId", l.firearmId());
					checks.rule(
							l.firearmId() == null
									|| registry.recordNumber(l.firearmId()).isPresent() && firearms.add(l.firearmId()),
							at + ".firearmId", TransfersRule.LineFirearmMustExist, l.firearmId());
				}
				if (l.kind() == LineKind.PART) {
					checks.require(at + ".partKind", text(l.partKind()));
				}
				if (l.kind() == LineKind.AMMUNITION) {
					checks.require(at + ".calibre", text(l.calibre()));
				}
				lines.add(new Line(i + 1, l.kind(), l.kind() == LineKind.FIREARM ? l.firearmId() : null,
						text(l.partKind()), text(l.calibre()), describe(l), l.count()));
			}
			if (checks.failed()) {
				return checks.refuse();
			}
			UUID id = UUID.randomUUID();
			return Decision.record(id,
					new TransfersEvent.AuthorisationApplied(id, c.kind(), c.applicantId(), c.issuingAuthority().trim(),
							c.placeOfIssue().trim(), from, to, transit, c.finalRecipient().trim(),
							c.description().trim(), lines, text(c.foreignReference()), c.foreignIssuedOn(),
							orToday(c.appliedOn())));
		});
	}

	/** For an export: the importing State's authorisation it waits for. */
	public CommandResult recordImportAuthorisation(UUID id, RecordImportAuthorisation c, String actor, String key) {
		return step("record-import-authorisation", id, c, actor, key, EnumSet.of(AuthorisationState.APPLIED),
				(a, checks) -> {
					checks.rule(a.kind() == TransferKind.EXPORT, "authorisationId",
							TransfersRule.AuthorisationStepIsAllowed, "record-import-authorisation", a.kind());
					checks.require("reference", text(c.reference()))
						.require("issuedOn", c.issuedOn())
						.require("verifiedHow", text(c.verifiedHow()))
						.notInFuture("issuedOn", c.issuedOn());
					return checks.failed() ? null : new TransfersEvent.ImportAuthorisationRecorded(id,
							c.reference().trim(), c.issuedOn(), c.verifiedHow().trim());
				});
	}

	public CommandResult recordTransitNotice(UUID id, RecordTransitNotice c, String actor, String key) {
		return step("record-transit-notice", id, c, actor, key, EnumSet.of(AuthorisationState.APPLIED), (a, checks) -> {
			String country = country(c.country());
			checks.country("country", country)
				.require("noticeReference", text(c.noticeReference()))
				.notInFuture("noticedOn", c.noticedOn());
			checks.rule(country == null || a.transitCountries().contains(country), "country",
					TransfersRule.TransitCountryIsOnTheRoute, country, a.transitCountries());
			return checks.failed() ? null : new TransfersEvent.TransitNoticeRecorded(id, country,
					c.noticeReference().trim(), orToday(c.noticedOn()));
		});
	}

	public CommandResult recordEndUserCertificate(UUID id, RecordEndUserCertificate c, String actor, String key) {
		return step("record-end-user-certificate", id, c, actor, key, EnumSet.of(AuthorisationState.APPLIED),
				(a, checks) -> {
					checks.require("certificateReference", text(c.certificateReference()))
						.require("endUser", text(c.endUser()))
						.require("endUse", text(c.endUse()))
						.require("signatory", text(c.signatory()));
					return checks.failed() ? null
							: new TransfersEvent.EndUserCertificateRecorded(id, c.certificateReference().trim(),
									c.endUser().trim(), c.endUse().trim(), text(c.reExportClause()),
									c.signatory().trim());
				});
	}

	/** Verified with the authority that issued it: by this officer, on a date. */
	public CommandResult verifyEndUserCertificate(UUID id, VerifyEndUserCertificate c, String actor, String key) {
		return step("verify-end-user-certificate", id, c, actor, key, EnumSet.of(AuthorisationState.APPLIED),
				(a, checks) -> {
					checks.rule(a.endUserCertificate() != null, "authorisationId",
							TransfersRule.EndUserCertificateIsRecorded);
					checks.require("verifiedWith", text(c.verifiedWith())).notInFuture("verifiedOn", c.verifiedOn());
					return checks.failed() ? null : new TransfersEvent.EndUserCertificateVerified(id,
							c.verifiedWith().trim(), orToday(c.verifiedOn()), actor);
				});
	}

	public CommandResult assessRisk(UUID id, AssessRisk c, String actor, String key) {
		return step("assess-transfer-risk", id, c, actor, key, EnumSet.of(AuthorisationState.APPLIED), (a, checks) -> {
			checks.notInFuture("assessedOn", c.assessedOn());
			List<RiskCriterion> overriding = c.overriding() == null ? List.of()
					: List.copyOf(new LinkedHashSet<>(c.overriding()));
			return checks.failed() ? null : new TransfersEvent.RiskAssessed(id, overriding, text(c.mitigation()),
					orToday(c.assessedOn()), actor);
		});
	}

	/**
	 * Grants under a number, once the order of consent is complete; each step still
	 * missing is named in the refusal.
	 */
	public CommandResult grant(UUID id, Grant c, String actor, String key) {
		return step("grant-transfer-authorisation", id, c, actor, key, EnumSet.of(AuthorisationState.APPLIED),
				(a, checks) -> {
					String number = text(c.number());
					LocalDate issued = orToday(c.issuedOn());
					checks.require("number", number)
						.require("validUntil", c.validUntil())
						.notInFuture("issuedOn", c.issuedOn())
						.inOrder("validUntil", issued, c.validUntil(), "issuedOn");
					checks.rule(c.validUntil() == null || !c.validUntil().isAfter(issued.plusYears(MAX_VALIDITY_YEARS)),
							"validUntil", TransfersRule.ValidityIsBounded, MAX_VALIDITY_YEARS, c.validUntil());
					checks.rule(number == null || !queries.numberTaken(number), "number",
							TransfersRule.AuthorisationNumberIsUnique, number);
					if (a.kind() == TransferKind.EXPORT) {
						orderOfConsent(a, checks);
					}
					return checks.failed() ? null : new TransfersEvent.AuthorisationGranted(id, number, issued,
							c.validUntil(), text(c.conditions()));
				});
	}

	/** Art. 10(2), ATT art. 7: what an export waits for. */
	private void orderOfConsent(AuthorisationView a, Checks checks) {
		checks.rule(a.foreignReference() != null, "importAuthorisation", TransfersRule.ImportAuthorisationIsRecorded,
				a.importCountry());
		Set<String> noticed = new LinkedHashSet<>();
		a.transitNotices().forEach(n -> noticed.add(n.country()));
		for (String transit : a.transitCountries()) {
			checks.rule(noticed.contains(transit), "transitNotices", TransfersRule.TransitNoticeIsRecorded, transit);
		}
		boolean exempt = properties.endUserCertificateExemptCountries().contains(a.importCountry());
		checks.rule(exempt || a.endUserCertificate() != null && a.endUserCertificate().verified(), "endUserCertificate",
				TransfersRule.EndUserCertificateIsVerified, a.importCountry());
		checks.rule(a.riskAssessment() != null, "riskAssessment", TransfersRule.RiskIsAssessed);
		checks.rule(a.riskAssessment() == null || a.riskAssessment().overriding().isEmpty(), "riskAssessment",
				TransfersRule.RiskIsNotOverriding,
				a.riskAssessment() == null ? List.of() : a.riskAssessment().overriding());
	}

	public CommandResult refuse(UUID id, Decide c, String actor, String key) {
		return step("refuse-transfer-authorisation", id, c, actor, key, EnumSet.of(AuthorisationState.APPLIED),
				(a, checks) -> {
					checks.require("reason", text(c.reason())).notInFuture("occurredOn", c.occurredOn());
					return checks.failed() ? null
							: new TransfersEvent.AuthorisationRefused(id, c.reason().trim(), orToday(c.occurredOn()));
				});
	}

	public CommandResult suspend(UUID id, Decide c, String actor, String key) {
		return step("suspend-transfer-authorisation", id, c, actor, key, EnumSet.of(AuthorisationState.GRANTED),
				(a, checks) -> {
					checks.require("reason", text(c.reason())).notInFuture("occurredOn", c.occurredOn());
					return checks.failed() ? null
							: new TransfersEvent.AuthorisationSuspended(id, c.reason().trim(), orToday(c.occurredOn()));
				});
	}

	public CommandResult revoke(UUID id, Decide c, String actor, String key) {
		return step("revoke-transfer-authorisation", id, c, actor, key,
				EnumSet.of(AuthorisationState.GRANTED, AuthorisationState.SUSPENDED), (a, checks) -> {
					checks.require("reason", text(c.reason())).notInFuture("occurredOn", c.occurredOn());
					return checks.failed() ? null
							: new TransfersEvent.AuthorisationRevoked(id, c.reason().trim(), orToday(c.occurredOn()));
				});
	}

	/** Another State's export authorisation, as it notified it (by hand, for now). */
	public CommandResult recordForeignExport(RecordForeignExport c, String actor, String key) {
		return commands.run("record-foreign-export", actor, key, c, () -> {
			String country = country(c.country());
			Checks checks = new Checks().country("country", country)
				.require("reference", text(c.reference()))
				.require("issuedOn", c.issuedOn())
				.notInFuture("issuedOn", c.issuedOn());
			if (checks.failed()) {
				return checks.refuse();
			}
			return Decision.record(noticeId(country, c.reference().trim()),
					new TransfersEvent.ForeignExportNoticeRecorded(country, c.reference().trim(), c.issuedOn(),
							text(c.description())));
		});
	}

	private CommandResult step(String command, UUID id, Object body, String actor, String key,
			Set<AuthorisationState> from, StepDecision decide) {
		return commands.run(command, actor, key, Arrays.asList(id, body), () -> {
			Optional<AuthorisationView> found = queries.authorisation(id);
			if (found.isEmpty()) {
				return Decision.refuse("authorisationId", TransfersRule.AuthorisationMustExist, id);
			}
			Checks checks = new Checks();
			checks.rule(from.contains(found.get().state()), "authorisationId", TransfersRule.AuthorisationStepIsAllowed,
					command, found.get().state());
			if (checks.failed()) {
				return checks.refuse();
			}
			TransfersEvent event = decide.apply(found.get(), checks);
			return checks.failed() || event == null ? checks.refuse() : Decision.record(id, event);
		});
	}

	@FunctionalInterface
	private interface StepDecision {

		TransfersEvent apply(AuthorisationView authorisation, Checks checks);

	}

	/**
	 * The id a foreign export notice answers under: the same for the same State and
	 * reference.
	 */
	static UUID noticeId(String country, String reference) {
		return UUID.nameUUIDFromBytes(("foreign-export:" + country + ":" + reference).getBytes(StandardCharsets.UTF_8));
	}

	private String country(String text) {
		return text == null || text.isBlank() ? null : countries.codeOrAsGiven(text.trim());
	}

	private static String describe(LineRequest l) {
		String given = text(l.description());
		if (given != null || l.kind() == null) {
			return given == null ? "" : given.trim();
		}
		return switch (l.kind()) {
			case FIREARM -> "firearm";
			case PART -> text(l.partKind()) == null ? "parts" : l.partKind().trim().toLowerCase();
			case AMMUNITION -> "ammunition " + (text(l.calibre()) == null ? "" : l.calibre().trim());
		};
	}

	static LocalDate orToday(LocalDate day) {
		return day == null ? LocalDate.now() : day;
	}

	static String text(String value) {
		return value == null || value.isBlank() ? null : value.trim();
	}

}
