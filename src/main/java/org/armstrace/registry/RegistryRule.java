package org.armstrace.registry;

import java.util.Set;

import org.armstrace.command.Refusal;
import org.armstrace.command.Rule;

/**
 * The registry's rules; each one's sentence is {@code rule.<name>} in the registry's
 * bundles.
 */
public enum RegistryRule implements Rule {

	HolderMustExist, FirearmMustExist, PartMustExist, AmmunitionLotMustExist,
	/** ITI para 8: maker, country and serial identify one firearm. */
	MarkingIsUnique, LegacyReferenceIsUnique, SerialNumberFormat, ProductionRunSize, CategoryIsKnown, CategoryChanges,
	DeactivationCertificateIsUnique,
	/** ITI para 8(b): an import marking, unless one is already present. */
	ImportNeedsImportMarking, TransferChangesHolder, DateIsNotBeforeManufacture, DeactivationNeedsCertificate,
	DestructionIsWitnessed, AmmunitionQuantityNeverNegative, PartIsFittedToOneFirearm, OnlyFittedPartCanBeRemoved,
	StolenFirearmCannotBeTransferred, LostFirearmCannotBeTransferred, StolenFirearmCannotChangeUntilRecovered,
	LostFirearmCannotChangeUntilRecovered, DestroyedFirearmAcceptsOnlyFoundAfterDestruction,
	ExportedFirearmIsNotInTheCountry, SeizedFirearmIsInCustody, DivertedFirearmMustBeSeizedFirst,
	DeactivatedFirearmCannotDoThis, FirearmIsNotMissingOrDestroyed,
	/** A row of an imported file has a value for every column of its header. */
	RowHasEveryColumn,
	/** A row of an imported file has no value beyond its header's columns. */
	RowHasNoExtraColumn,
	/** A value of an imported file opened with a quote is closed again. */
	QuotedFieldIsClosed,
	/** A row of an imported file is at most {1} characters long. */
	RowIsNotTooLong,
	/** A reading of a legacy value names one of the columns read as reference data. */
	LegacyFieldIsKnown,
	/** A legacy value is read as a code or catalogue entry that exists. */
	ReadingIsKnownValue,
	/** A make or calibre the catalogue already reads is not read as another. */
	TextStandsForOneValue,
	/** A reading is approved for a text some record holds. */
	TextIsOnTheRecord,
	/**
	 * A firearm is identified as an entry of the catalogue of non-industrial firearms.
	 */
	NonIndustrialEntryIsKnown;

	private static final Set<String> SUBJECTS = Set.of("firearmId", "partId", "lotId");

	/**
	 * True when a refusal says the command's own subject (in its path) does not exist:
	 * the API answers 404.
	 */
	static boolean missingSubject(Refusal refusal) {
		return (refusal.rule() == FirearmMustExist || refusal.rule() == PartMustExist
				|| refusal.rule() == AmmunitionLotMustExist) && SUBJECTS.contains(refusal.field());
	}

}
