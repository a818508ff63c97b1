package org.armstrace.seizure;

/**
 * Where a seized item is: in the store, at a laboratory or court, handed back, or
 * destroyed.
 */
public enum CustodyStatus {

	IN_CUSTODY, AT_LABORATORY, AT_COURT, RETURNED, DESTROYED

}
