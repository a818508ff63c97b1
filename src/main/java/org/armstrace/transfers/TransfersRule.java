package org.armstrace.transfers;

import org.armstrace.command.Rule;

/**
 * The rules of transfer authorisations and consignments; each one's sentence is
 * {@code rule.<name>} in the transfers bundles.
 */
public enum TransfersRule implements Rule {

	/** The authorisation does not exist. */
	AuthorisationMustExist,
	/** The applicant is not a holder on the record. */
	ApplicantMustExist,
	/** A step the authorisation's state does not allow. */
	AuthorisationStepIsAllowed,
	/** An authorisation covers at least one line, and no more than the limit. */
	LinesAreGiven,
	/** A line's quantity is at least 1; a firearm's line is 1. */
	LineQuantityIsPositive,
	/** A firearm line names a firearm on the record. */
	LineFirearmMustExist,
	/** An export names the countries of export and import, which differ. */
	CountriesDiffer,
	/** Art. 10(2)(a): an export waits for the importing State's authorisation. */
	ImportAuthorisationIsRecorded,
	/** Art. 10(2)(b): an export waits for each transit State's notice of no objection. */
	TransitNoticeIsRecorded,
	/** A transit notice is for a country on the route. */
	TransitCountryIsOnTheRoute,
	/**
	 * An export needs a verified end-user certificate unless the destination is exempt.
	 */
	EndUserCertificateIsVerified,
	/** An end-user certificate is verified once recorded. */
	EndUserCertificateIsRecorded,
	/** An export decision records the risk assessment (ATT art. 7). */
	RiskIsAssessed,
	/** ATT art. 7(3): an overriding risk refuses the export. */
	RiskIsNotOverriding,
	/** An import for inbound goods quotes the exporting State's authorisation. */
	ForeignExportIsQuoted,
	/** An authorisation's number is unique. */
	AuthorisationNumberIsUnique,
	/** An authorisation is valid for a bounded time. */
	ValidityIsBounded,
	/** Goods ship under a granted authorisation within its validity. */
	AuthorisationIsValid,
	/** A consignment ships no more than the line has left. */
	ShipmentWithinAuthorisedQuantity,
	/** A consignment's line is a line of its authorisation. */
	ConsignmentLineIsKnown,
	/** A consignment's reference is unique. */
	ConsignmentReferenceIsUnique,
	/** The consignment does not exist. */
	ConsignmentMustExist,
	/** A consignment's receipt is confirmed once. */
	ReceiptIsConfirmedOnce,
	/** No line is received above what was shipped. */
	ReceivedWithinShipped

}
