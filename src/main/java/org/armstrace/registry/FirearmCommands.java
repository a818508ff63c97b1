package org.armstrace.registry;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import org.armstrace.command.Checks;
import org.armstrace.command.CommandKernel;
import org.armstrace.command.CommandResult;
import org.armstrace.command.Decision;
import org.armstrace.command.Limits;
import org.armstrace.command.PlausibleDate;
import org.armstrace.reference.Countries;
import org.armstrace.reference.FirearmCategories;
import org.armstrace.reference.Names;
import org.armstrace.registry.RegistryState.FirearmState;
import org.springframework.stereotype.Service;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * The life cycle of a firearm, one method per fact. Every method returns
 * {@link CommandResult}: the recorded entries, or every rule the command broke (then
 * nothing is written).
 */
@Service
public class FirearmCommands {

	static final String RECORD_PREFIX = "FA";

	/** Registration at manufacture, or of a legacy or newly found item. */
	public record RegisterFirearm(FirearmType type, @Valid FirearmKinds kinds, @Size(max = Limits.NAME) String make,
			@Size(max = Limits.NAME) String model, @Size(max = Limits.SHORT) String calibre,
			@Size(max = Limits.MARKING) String serial, @Size(max = Limits.COUNTRY) String countryOfManufacture,
			Integer year, @Size(max = Limits.FEW) List<@NotNull @Valid Marking> markings, UUID holderId,
			@Size(max = Limits.REFERENCE) String legacyReference, boolean suspectedDuplicate,
			@PlausibleDate LocalDate occurredOn) {
	}

	public record AddMarking(@Valid Marking marking, @PlausibleDate LocalDate occurredOn) {
	}

	public record ImportFirearm(@Size(max = Limits.COUNTRY) String fromCountry, UUID importerId, Integer importYear,
			boolean importMarkingAlreadyPresent, @Size(max = Limits.REFERENCE) String licenceReference,
			@PlausibleDate LocalDate occurredOn) {
	}

	public record ExportFirearm(@Size(max = Limits.COUNTRY) String toCountry,
			@Size(max = Limits.FEW) List<@NotNull @Size(max = Limits.COUNTRY) String> transitCountries,
			@Size(max = Limits.REFERENCE) String licenceReference, @PlausibleDate LocalDate occurredOn) {
	}

	public record RecordTransit(@Size(max = Limits.COUNTRY) String fromCountry,
			@Size(max = Limits.COUNTRY) String toCountry, @Size(max = Limits.REFERENCE) String licenceReference,
			@PlausibleDate LocalDate occurredOn) {
	}

	public record TransferFirearm(UUID toHolderId, @PlausibleDate LocalDate occurredOn) {
	}

	/**
	 * A dealer's acquisition of a firearm into its stock, named by what the dealer has in
	 * hand: the record number on its papers and the serial marked on it.
	 */
	public record AcquireIntoStock(@Size(max = Limits.SHORT) String recordNumber,
			@Size(max = Limits.MARKING) String serial, @PlausibleDate LocalDate occurredOn) {
	}

	public record ReportMissing(UUID reportedBy, @Size(max = Limits.REFERENCE) String reportReference,
			@PlausibleDate LocalDate occurredOn) {
	}

	public record RecordRecovery(@Size(max = Limits.NAME) String authority, @PlausibleDate LocalDate occurredOn) {
	}

	public record RecordSeizure(@Size(max = Limits.NAME) String authority,
			@Size(max = Limits.REFERENCE) String caseReference, @PlausibleDate LocalDate occurredOn) {
	}

	public record DeactivateFirearm(@Size(max = Limits.REFERENCE) String certificateNumber,
			@Size(max = Limits.NAME) String standard, @Size(max = Limits.NAME) String verifyingAuthority,
			@Size(max = Limits.MARKING) String deactivationMarking, @PlausibleDate LocalDate occurredOn) {
	}

	public record ConvertFirearm(FirearmType newType, @Size(max = Limits.TEXT) String description,
			@PlausibleDate LocalDate occurredOn) {
	}

	public record DestroyFirearm(@Size(max = Limits.NAME) String method,
			@Size(max = Limits.FEW) List<@NotNull @Size(max = Limits.NAME) String> witnesses,
			@PlausibleDate LocalDate occurredOn) {
	}

	public record RecordFoundAfterDestruction(@Size(max = Limits.NAME) String authority,
			@PlausibleDate LocalDate occurredOn) {
	}

	private final CommandKernel.Commands<RegistryEvent> commands;

	private final RegistryState state;

	private final List<AcquisitionCheck> acquisitionChecks;

	private final Countries countries;

	FirearmCommands(CommandKernel kernel, RegistryProjection projection, RegistryState state, Countries countries,
			List<AcquisitionCheck> acquisitionChecks) {
		this.commands = kernel.commandsFor(projection);
		this.state = state;
		this.countries = countries;
		this.acquisitionChecks = acquisitionChecks;
	}

	private String code(String country) {
		return countries.codeOrAsGiven(country);
	}

	public CommandResult register(RegisterFirearm c, String actor, String idempotencyKey) {
		return commands.run("register-firearm", actor, idempotencyKey, c, () -> {
			String country = code(c.countryOfManufacture());
			Checks checks = new Checks().require("type", c.type())
				// ITI: a marking names the maker, the country and the serial
				.require("make", c.make())
				.maxLength("make", c.make(), 200)
				.maxLength("model", c.model(), 200)
				.maxLength("calibre", c.calibre(), 100)
				.country("countryOfManufacture", country)
				.year("year", c.year())
				.rule(c.occurredOn() == null || c.year() == null || c.occurredOn().getYear() >= c.year(), "occurredOn",
						RegistryRule.DateIsNotBeforeManufacture, c.year(), c.occurredOn())
				.notInFuture("occurredOn", c.occurredOn())
				.maxLength("legacyReference", c.legacyReference(), 100);
			SerialNumbers.check(checks, "serial", c.serial());
			checks.rule(c.holderId() == null || state.holderExists(c.holderId()), "holderId",
					RegistryRule.HolderMustExist, c.holderId());
			List<Marking> given = c.markings() == null ? null : c.markings().stream().map(this::coded).toList();
			checkMarkings(given, checks);
			checks.rule(!state.legacyReferenceExists(c.legacyReference()), "legacyReference",
					RegistryRule.LegacyReferenceIsUnique, c.legacyReference());
			if (checks.failed()) {
				return checks.refuse();
			}
			Optional<UUID> twin = state.firearmWithMarking(Names.makerKey(c.make()), country,
					SerialNumbers.key(c.serial()));
			if (twin.isPresent() && !c.suspectedDuplicate()) {
				checks.add("serial", RegistryRule.MarkingIsUnique, c.make(), country, c.serial(),
						state.firearm(twin.get()).orElseThrow().recordNumber());
				return checks.refuse();
			}
			UUID id = UUID.randomUUID();
			List<Marking> markings = given == null || given.isEmpty()
					? Marking.implied(c.make(), country, c.serial(), c.year()) : given;
			return Decision.record(id, new RegistryEvent.FirearmManufactured(id, state.nextRecordNumber(RECORD_PREFIX),
					c.type(), c.kinds() == null ? FirearmKinds.INDUSTRIAL : c.kinds(), c.make().trim(), c.model(),
					c.calibre(), c.serial().trim(), country, c.year(), markings, c.holderId(), c.legacyReference(),
					c.suspectedDuplicate() ? twin.orElse(null) : null, Checks.orToday(c.occurredOn())));
		});
	}

	public CommandResult addMarking(UUID firearmId, AddMarking c, String actor, String key) {
		return onFirearm("mark-firearm", firearmId, c, c.occurredOn(), LifeCycleRules.MARK, actor, key, (f, checks) -> {
			Marking marking = coded(c.marking());
			checks.require("marking", marking).notInFuture("occurredOn", c.occurredOn());
			checkMarkings(marking == null ? List.of() : List.of(marking), checks);
			return checks.failed() ? null
					: new RegistryEvent.FirearmMarked(firearmId, marking, Checks.orToday(c.occurredOn()));
		});
	}

	public CommandResult importFirearm(UUID firearmId, ImportFirearm c, String actor, String key) {
		return onFirearm("import-firearm", firearmId, c, c.occurredOn(), LifeCycleRules.IMPORT, actor, key,
				(f, checks) -> {
					String from = code(c.fromCountry());
					checks.country("fromCountry", from)
						.require("importerId", c.importerId())
						.notInFuture("occurredOn", c.occurredOn())
						.year("importYear", c.importYear());
					checks.rule(c.importerId() == null || state.holderExists(c.importerId()), "importerId",
							RegistryRule.HolderMustExist, c.importerId());
					// ITI para 8(b): an import marking (the importing country, the
					// importer's,
					// and the year) unless one is
					// already present
					checks.rule(c.importMarkingAlreadyPresent() || c.importYear() != null, "importYear",
							RegistryRule.ImportNeedsImportMarking);
					if (checks.failed()) {
						return null;
					}
					LocalDate on = Checks.orToday(c.occurredOn());
					return new RegistryEvent.FirearmImported(firearmId, from, c.importerId(),
							c.importMarkingAlreadyPresent() ? null : Marking
								.importMarking(state.holderCountry(c.importerId()).orElseThrow(), c.importYear()),
							c.importMarkingAlreadyPresent(), c.licenceReference(), on);
				});
	}

	public CommandResult export(UUID firearmId, ExportFirearm c, String actor, String key) {
		return onFirearm("export-firearm", firearmId, c, c.occurredOn(), LifeCycleRules.EXPORT, actor, key,
				(f, checks) -> {
					String to = code(c.toCountry());
					checks.country("toCountry", to).notInFuture("occurredOn", c.occurredOn());
					List<String> transit = c.transitCountries() == null ? List.of()
							: c.transitCountries().stream().map(this::code).toList();
					for (int i = 0; i < transit.size(); i++) {
						checks.country("transitCountries[" + i + "]", transit.get(i));
					}
					return checks.failed() ? null : new RegistryEvent.FirearmExported(firearmId, to, transit,
							c.licenceReference(), Checks.orToday(c.occurredOn()));
				});
	}

	public CommandResult recordTransit(UUID firearmId, RecordTransit c, String actor, String key) {
		return onFirearm("record-transit", firearmId, c, c.occurredOn(), LifeCycleRules.TRANSIT, actor, key,
				(f, checks) -> {
					String from = code(c.fromCountry());
					String to = code(c.toCountry());
					checks.country("fromCountry", from)
						.country("toCountry", to)
						.notInFuture("occurredOn", c.occurredOn());
					return checks.failed() ? null : new RegistryEvent.TransitRecorded(firearmId, from, to,
							c.licenceReference(), Checks.orToday(c.occurredOn()));
				});
	}

	public CommandResult transfer(UUID firearmId, TransferFirearm c, String actor, String key) {
		return transfer(firearmId, c, actor, key, null);
	}

	/** A transfer by a dealer: of a firearm in {@code stock} only. */
	public CommandResult transfer(UUID firearmId, TransferFirearm c, String actor, String key, UUID stock) {
		return onFirearm("transfer-firearm", firearmId, c, c.occurredOn(), LifeCycleRules.TRANSFER, actor, key, stock,
				(f, checks) -> {
					checks.require("toHolderId", c.toHolderId()).notInFuture("occurredOn", c.occurredOn());
					checks.rule(c.toHolderId() == null || state.holderExists(c.toHolderId()), "toHolderId",
							RegistryRule.HolderMustExist, c.toHolderId());
					checks.rule(c.toHolderId() == null || !c.toHolderId().equals(f.holderId()), "toHolderId",
							RegistryRule.TransferChangesHolder);
					if (!checks.failed()) {
						checkAcquisition(firearmId, c.toHolderId(), Checks.orToday(c.occurredOn()), checks);
					}
					return checks.failed() ? null : new RegistryEvent.FirearmTransferred(firearmId, f.holderId(),
							c.toHolderId(), Checks.orToday(c.occurredOn()));
				});
	}

	/**
	 * A dealer records a firearm it acquired: the record number and serial must name the
	 * same firearm, or the firearm is not found, exactly as one that does not exist (no
	 * existence oracle); then it is a transfer into {@code stock}, checked as any other
	 * (status, the dealer's licence).
	 */
	public CommandResult acquireIntoStock(AcquireIntoStock c, String actor, String key, UUID stock) {
		String serialKey = c.serial() == null ? null : SerialNumbers.key(c.serial());
		UUID firearmId = state.firearmWithRecordNumber(c.recordNumber())
			.filter(id -> serialKey != null && !serialKey.isEmpty() && state.serialKey(id).orElse("").equals(serialKey))
			.orElse(null);
		if (firearmId == null) {
			return commands.run("acquire-into-stock", actor, key, Arrays.asList(c, stock),
					() -> Decision.refuse("firearmId", RegistryRule.FirearmMustExist, c.recordNumber()));
		}
		return onFirearm("acquire-into-stock", firearmId, c, c.occurredOn(), LifeCycleRules.TRANSFER, actor, key, null,
				(f, checks) -> {
					checks.notInFuture("occurredOn", c.occurredOn());
					checks.rule(!stock.equals(f.holderId()), "recordNumber", RegistryRule.TransferChangesHolder);
					if (!checks.failed()) {
						checkAcquisition(firearmId, stock, Checks.orToday(c.occurredOn()), checks);
					}
					return checks.failed() ? null : new RegistryEvent.FirearmTransferred(firearmId, f.holderId(), stock,
							Checks.orToday(c.occurredOn()));
				});
	}

	public CommandResult reportLost(UUID firearmId, ReportMissing c, String actor, String key) {
		return reportLost(firearmId, c, actor, key, null);
	}

	/** A report by a dealer: of a firearm in {@code stock} only. */
	public CommandResult reportLost(UUID firearmId, ReportMissing c, String actor, String key, UUID stock) {
		return onFirearm("report-lost", firearmId, c, c.occurredOn(), LifeCycleRules.REPORT_MISSING, actor, key, stock,
				(f, checks) -> {
					checks.notInFuture("occurredOn", c.occurredOn());
					return checks.failed() ? null : new RegistryEvent.FirearmReportedLost(firearmId, c.reportedBy(),
							c.reportReference(), Checks.orToday(c.occurredOn()));
				});
	}

	public CommandResult reportStolen(UUID firearmId, ReportMissing c, String actor, String key) {
		return reportStolen(firearmId, c, actor, key, null);
	}

	/** A report by a dealer: of a firearm in {@code stock} only. */
	public CommandResult reportStolen(UUID firearmId, ReportMissing c, String actor, String key, UUID stock) {
		return onFirearm("report-stolen", firearmId, c, c.occurredOn(), LifeCycleRules.REPORT_MISSING, actor, key,
				stock, (f, checks) -> {
					checks.notInFuture("occurredOn", c.occurredOn());
					return checks.failed() ? null : new RegistryEvent.FirearmReportedStolen(firearmId, c.reportedBy(),
							c.reportReference(), Checks.orToday(c.occurredOn()));
				});
	}

	public CommandResult recover(UUID firearmId, RecordRecovery c, String actor, String key) {
		return onFirearm("recover-firearm", firearmId, c, c.occurredOn(), LifeCycleRules.RECOVER, actor, key,
				(f, checks) -> {
					checks.require("authority", c.authority()).notInFuture("occurredOn", c.occurredOn());
					return checks.failed() ? null : new RegistryEvent.FirearmRecovered(firearmId, c.authority(),
							Checks.orToday(c.occurredOn()));
				});
	}

	public CommandResult seize(UUID firearmId, RecordSeizure c, String actor, String key) {
		return onFirearm("seize-firearm", firearmId, c, c.occurredOn(), LifeCycleRules.SEIZE, actor, key,
				(f, checks) -> {
					checks.require("authority", c.authority()).notInFuture("occurredOn", c.occurredOn());
					return checks.failed() ? null : new RegistryEvent.FirearmSeized(firearmId, c.authority(),
							c.caseReference(), Checks.orToday(c.occurredOn()));
				});
	}

	public CommandResult deactivate(UUID firearmId, DeactivateFirearm c, String actor, String key) {
		return onFirearm("deactivate-firearm", firearmId, c, c.occurredOn(), LifeCycleRules.DEACTIVATE, actor, key,
				(f, checks) -> {
					if (c.certificateNumber() == null || c.certificateNumber().isBlank()) {
						checks.add("certificateNumber", RegistryRule.DeactivationNeedsCertificate);
					}
					checks.require("verifyingAuthority", c.verifyingAuthority())
						.require("deactivationMarking", c.deactivationMarking())
						.notInFuture("occurredOn", c.occurredOn());
					checks.rule(
							c.certificateNumber() == null
									|| !state.deactivationCertificateExists(c.certificateNumber()),
							"certificateNumber", RegistryRule.DeactivationCertificateIsUnique, c.certificateNumber());
					return checks.failed() ? null
							: new RegistryEvent.FirearmDeactivated(firearmId, c.certificateNumber(), c.standard(),
									c.verifyingAuthority(),
									new Marking(MarkingKind.DEACTIVATION, c.deactivationMarking(), null, null),
									Checks.orToday(c.occurredOn()));
				});
	}

	public CommandResult convert(UUID firearmId, ConvertFirearm c, String actor, String key) {
		return onFirearm("convert-firearm", firearmId, c, c.occurredOn(), LifeCycleRules.CONVERT, actor, key,
				(f, checks) -> {
					checks.require("newType", c.newType())
						.require("description", c.description())
						.notInFuture("occurredOn", c.occurredOn());
					return checks.failed() ? null : new RegistryEvent.FirearmConverted(firearmId, c.newType(),
							c.description(), Checks.orToday(c.occurredOn()));
				});
	}

	public CommandResult destroy(UUID firearmId, DestroyFirearm c, String actor, String key) {
		return onFirearm("destroy-firearm", firearmId, c, c.occurredOn(), LifeCycleRules.DESTROY, actor, key,
				(f, checks) -> {
					checks.require("method", c.method()).notInFuture("occurredOn", c.occurredOn());
					checks.rule(c.witnesses() != null && !c.witnesses().isEmpty(), "witnesses",
							RegistryRule.DestructionIsWitnessed);
					return checks.failed() ? null : new RegistryEvent.FirearmDestroyed(firearmId, c.method(),
							c.witnesses(), Checks.orToday(c.occurredOn()));
				});
	}

	public CommandResult foundAfterDestruction(UUID firearmId, RecordFoundAfterDestruction c, String actor,
			String key) {
		return onFirearm("found-after-destruction", firearmId, c, c.occurredOn(),
				LifeCycleRules.FOUND_AFTER_DESTRUCTION_RECORD, actor, key, (f, checks) -> {
					checks.require("authority", c.authority()).notInFuture("occurredOn", c.occurredOn());
					return checks.failed() ? null : new RegistryEvent.FirearmFoundAfterDestruction(firearmId,
							c.authority(), Checks.orToday(c.occurredOn()));
				});
	}

	/**
	 * The common shape of a command on an existing firearm: it must exist and its status
	 * allow the action.
	 */
	private CommandResult onFirearm(String command, UUID firearmId, Object body, LocalDate occurredOn,
			LifeCycleRules action, String actor, String key, BiFunction<FirearmState, Checks, RegistryEvent> decide) {
		return onFirearm(command, firearmId, body, occurredOn, action, actor, key, null, decide);
	}

	/**
	 * A fact about one firearm; with {@code stock}, only a firearm that holder holds
	 * (checked under the ledger's lock): any other is not found, as if it did not exist.
	 */
	private CommandResult onFirearm(String command, UUID firearmId, Object body, LocalDate occurredOn,
			LifeCycleRules action, String actor, String key, UUID stock,
			BiFunction<FirearmState, Checks, RegistryEvent> decide) {
		return commands.run(command, actor, key, Arrays.asList(firearmId, body), () -> {
			Optional<FirearmState> firearm = state.firearm(firearmId);
			if (firearm.isEmpty() || stock != null && !stock.equals(firearm.get().holderId())) {
				return Decision.refuse("firearmId", RegistryRule.FirearmMustExist, firearmId);
			}
			Checks checks = new Checks();
			action.check(firearm.get().status(), checks);
			Integer made = firearm.get().year();
			checks.rule(occurredOn == null || made == null || occurredOn.getYear() >= made, "occurredOn",
					RegistryRule.DateIsNotBeforeManufacture, made, occurredOn);
			RegistryEvent event = decide.apply(firearm.get(), checks);
			return checks.failed() || event == null ? checks.refuse() : Decision.record(firearmId, event);
		});
	}

	/** What other modules require of the acquirer (a licence covering the firearm). */
	private void checkAcquisition(UUID firearmId, UUID acquirerId, LocalDate on, Checks checks) {
		AcquisitionCheck.Acquisition acquisition = new AcquisitionCheck.Acquisition(firearmId,
				state.firearmCategory(firearmId).orElse(FirearmCategories.UNCLASSIFIED), acquirerId,
				state.holderRole(acquirerId).orElseThrow(), on);
		acquisitionChecks.forEach(check -> checks.addAll(check.refusals(acquisition)));
	}

	/** The marking with its country as the alpha-3 code the text names, if any. */
	private Marking coded(Marking m) {
		return m == null || m.country() == null ? m : new Marking(m.kind(), m.text(), code(m.country()), m.year());
	}

	private static void checkMarkings(List<Marking> markings, Checks checks) {
		if (markings == null) {
			return;
		}
		for (int i = 0; i < markings.size(); i++) {
			Marking m = markings.get(i);
			String field = "markings[" + i + "]";
			checks.require(field + ".kind", m.kind())
				.require(field + ".text", m.text())
				.maxLength(field + ".text", m.text(), 200)
				.optionalCountry(field + ".country", m.country())
				.year(field + ".year", m.year());
		}
	}

}
