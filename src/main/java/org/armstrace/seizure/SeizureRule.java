package org.armstrace.seizure;

import org.armstrace.command.Rule;

/**
 * The rules of seizures, custody and destruction; each one's sentence is
 * {@code rule.<name>} in the bundles.
 */
public enum SeizureRule implements Rule {

	PlaceKindRequired, AgencyRequired, LegalBasisRequired, CriminalContextRequired, Coordinates, NameRequired,
	RoleRequired, ItemsRequired, KindRequired, CalibreRequired, ObservedMarkingsRequired, PartKindRequired,
	FirearmMustExist, UrgentNeedsReason, ItemMustExist, LocationRequired, NotDestroyed, CaseRequired, CourtRequired,
	HoldMustExist, NotReleased, ReasonRequired, MethodRequired, DestructionIsWitnessed, InCustody,
	TraceOpenedBeforeDestruction, TracedBeforeDestruction, NoActiveJudicialHold,
	/**
	 * The registry refuses the destruction of the item's firearm (its own rule is the
	 * value).
	 */
	RegistryRefusesDestruction,
	/** No destruction proposal or export request of that id. */
	ProposalMustExist,
	/** The proposal or export request was already approved. */
	ProposalIsAwaitingApproval,
	/** A bulk export is downloaded once, by whoever asked for it, once approved. */
	ExportIsApprovedForTheRequester

}
