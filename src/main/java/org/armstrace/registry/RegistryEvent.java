package org.armstrace.registry;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.armstrace.ledger.EventTypes;
import org.armstrace.ledger.LedgerEvent;

/**
 * Every fact the registry records, one record per kind. The type name is
 * {@code registry.} plus the record's name in kebab case
 * ({@code registry.firearm-transferred}); a record's fields never change meaning: a new
 * shape is a new schema version. Holders appear by id only: names and addresses never
 * reach the ledger.
 */
public sealed interface RegistryEvent extends LedgerEvent {

	@Override
	default String type() {
		return typeOf(getClass());
	}

	@Override
	default int schemaVersion() {
		return 1;
	}

	static String typeOf(Class<?> event) {
		return EventTypes.name("registry", event);
	}

	/** Type name to record class, for reading entries back (rebuild, timelines). */
	Map<String, Class<? extends RegistryEvent>> TYPES = EventTypes.of(RegistryEvent.class, RegistryEvent::typeOf);

	/** Events whose subject is a holder. */
	sealed interface AboutHolder extends RegistryEvent {

		UUID holderId();

		@Override
		default String subjectId() {
			return holderId().toString();
		}

	}

	/** Events whose subject is a firearm: its timeline. */
	sealed interface AboutFirearm extends RegistryEvent {

		UUID firearmId();

		@Override
		default String subjectId() {
			return firearmId().toString();
		}

	}

	/** Events whose subject is an essential part or component. */
	sealed interface AboutPart extends RegistryEvent {

		UUID partId();

		@Override
		default String subjectId() {
			return partId().toString();
		}

	}

	/** Events whose subject is an ammunition lot. */
	sealed interface AboutAmmunitionLot extends RegistryEvent {

		UUID lotId();

		@Override
		default String subjectId() {
			return lotId().toString();
		}

	}

	/**
	 * How a firearm's record reads, not a fact of its life: what a legacy register wrote
	 * that the import could not read as ArmsTrace's codes, and an officer's reading of
	 * it. The custody chain leaves these out.
	 */
	sealed interface AboutRecord extends RegistryEvent {

		UUID firearmId();

		@Override
		default String subjectId() {
			return firearmId().toString();
		}

	}

	/**
	 * A value of a legacy record as the register wrote it: {@code readAs} is what the
	 * import took it for (a likely misspelling, with its confidence in percent), null
	 * when it could not read it at all.
	 */
	record AsWritten(String field, String text, String readAs, int confidence) {
	}

	// Holders

	record HolderRegistered(UUID holderId, HolderRole role, String country,
			String licenceReference) implements AboutHolder {
	}

	// Firearms

	/**
	 * A firearm enters the record at manufacture (or, for legacy and seized items, when
	 * first registered).
	 */
	record FirearmManufactured(UUID firearmId, String recordNumber, FirearmType firearmType, FirearmKinds kinds,
			String make, String model, String calibre, String serial, String countryOfManufacture, Integer year,
			List<Marking> markings, UUID holderId, String legacyReference, UUID suspectedDuplicateOf,
			LocalDate occurredOn) implements AboutFirearm {
	}

	/**
	 * A firearm taken over from a legacy register, with the status that register gave it:
	 * how it came to that status (a certificate, a police report) is not on this ledger,
	 * only that the legacy record said so.
	 */
	record LegacyFirearmImported(UUID firearmId, String recordNumber, FirearmType firearmType, String make,
			String model, String calibre, String serial, String countryOfManufacture, Integer year, UUID holderId,
			String legacyReference, FirearmStatus legacyStatus, UUID importRun) implements AboutFirearm {
	}

	/**
	 * The values of a legacy record the import kept as written, recorded right after the
	 * record was taken over: until an officer reads them, the record holds a stand-in
	 * (country XXX, type OTHER, status ACTIVE, no year) or what the import took them for.
	 */
	record LegacyValuesKeptAsWritten(UUID firearmId, List<AsWritten> values) implements AboutRecord {
	}

	/**
	 * An officer's reading of a value a legacy register wrote: {@code value} is the code
	 * (country, type, status, year) or catalogue name (make, calibre) it stands for, for
	 * every record holding that text.
	 */
	record LegacyValueStandardised(UUID firearmId, String field, String asWritten, String value,
			UUID mapping) implements AboutRecord {
	}

	/**
	 * A firearm identified as a design of the catalogue of non-industrial firearms, with
	 * that entry's kind when it was identified ({@code NonIndustrialKind}'s name).
	 */
	record FirearmIdentifiedAsNonIndustrial(UUID firearmId, String entryCode, String kind,
			LocalDate occurredOn) implements AboutRecord {
	}

	record FirearmMarked(UUID firearmId, Marking marking, LocalDate occurredOn) implements AboutFirearm {
	}

	/**
	 * The firearm's category in the State's classification (EU Directive 2021/555
	 * categories by default): what a licence must cover for anyone to acquire it.
	 */
	record FirearmClassified(UUID firearmId, String category, String previousCategory,
			LocalDate occurredOn) implements AboutFirearm {
	}

	/**
	 * Import of a firearm already on the record (re-import) or newly entered:
	 * importMarking is null only when the import marking was recorded as already present.
	 */
	record FirearmImported(UUID firearmId, String fromCountry, UUID importerId, Marking importMarking,
			boolean importMarkingAlreadyPresent, String licenceReference,
			LocalDate occurredOn) implements AboutFirearm {
	}

	record FirearmExported(UUID firearmId, String toCountry, List<String> transitCountries, String licenceReference,
			LocalDate occurredOn) implements AboutFirearm {
	}

	record TransitRecorded(UUID firearmId, String fromCountry, String toCountry, String licenceReference,
			LocalDate occurredOn) implements AboutFirearm {
	}

	record FirearmTransferred(UUID firearmId, UUID fromHolderId, UUID toHolderId,
			LocalDate occurredOn) implements AboutFirearm {
	}

	record FirearmReportedLost(UUID firearmId, UUID reportedBy, String reportReference,
			LocalDate occurredOn) implements AboutFirearm {
	}

	record FirearmReportedStolen(UUID firearmId, UUID reportedBy, String reportReference,
			LocalDate occurredOn) implements AboutFirearm {
	}

	record FirearmRecovered(UUID firearmId, String authority, LocalDate occurredOn) implements AboutFirearm {
	}

	record FirearmSeized(UUID firearmId, String authority, String caseReference,
			LocalDate occurredOn) implements AboutFirearm {
	}

	record FirearmDeactivated(UUID firearmId, String certificateNumber, String standard, String verifyingAuthority,
			Marking deactivationMarking, LocalDate occurredOn) implements AboutFirearm {
	}

	record FirearmConverted(UUID firearmId, FirearmType newType, String description,
			LocalDate occurredOn) implements AboutFirearm {
	}

	record FirearmDestroyed(UUID firearmId, String method, List<String> witnesses,
			LocalDate occurredOn) implements AboutFirearm {
	}

	/** The one fact a destroyed firearm still accepts; it flags a diversion. */
	record FirearmFoundAfterDestruction(UUID firearmId, String authority,
			LocalDate occurredOn) implements AboutFirearm {
	}

	// Essential parts and components

	record PartManufactured(UUID partId, PartKind kind, String make, String calibre, String serial,
			String countryOfManufacture, List<Marking> markings, UUID holderId,
			LocalDate occurredOn) implements AboutPart {
	}

	record PartFitted(UUID partId, UUID firearmId, LocalDate occurredOn) implements AboutPart {
	}

	record PartRemoved(UUID partId, UUID firearmId, LocalDate occurredOn) implements AboutPart {
	}

	// Ammunition, by lot and quantity

	record AmmunitionProduced(UUID lotId, String manufacturer, String calibre, String lotNumber, String headstamp,
			Integer year, UUID holderId, long quantity, LocalDate occurredOn) implements AboutAmmunitionLot {
	}

	record AmmunitionTransferred(UUID lotId, UUID fromHolderId, UUID toHolderId, long quantity,
			LocalDate occurredOn) implements AboutAmmunitionLot {
	}

	record AmmunitionConsumed(UUID lotId, UUID holderId, long quantity, String reason,
			LocalDate occurredOn) implements AboutAmmunitionLot {
	}

}
