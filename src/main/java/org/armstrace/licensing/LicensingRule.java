package org.armstrace.licensing;

import org.armstrace.command.Rule;

/**
 * The rules of licences and of acquiring firearms under them; each one's sentence is
 * {@code rule.<name>} in the licensing bundles.
 */
public enum LicensingRule implements Rule {

	/** The licence does not exist. */
	LicenceMustExist,
	/** The holder a licence is applied for does not exist. */
	HolderMustExist,
	/**
	 * A step that the licence's state does not allow (e.g. granting a revoked licence).
	 */
	LicenceStepIsAllowed,
	/** A licence's number is unique. */
	LicenceNumberIsUnique,
	/** A licence covers at least one category, each known to the classification. */
	CoverageIsKnownCategory,
	/**
	 * The acquirer holds no valid licence of a kind that lets its role acquire firearms.
	 */
	AcquirerIsLicensed,
	/** The acquirer's valid licences do not cover the firearm's category. */
	LicenceCoversCategory,
	/** The acquirer would hold more firearms of the category than its licences allow. */
	LicenceQuantityIsNotExceeded,
	/** A firearm not yet classified cannot be acquired under a licence. */
	FirearmIsClassified,
	/** Brokering is reported under a broker's licence valid on the day. */
	BrokerIsRegistered

}
