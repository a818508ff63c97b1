package org.armstrace.licensing;

/**
 * Where a licence is in its life: applied, then granted or refused; a granted licence may
 * be suspended (and reinstated), revoked, or expire.
 */
public enum LicenceState {

	APPLIED, GRANTED, REFUSED, SUSPENDED, REVOKED, EXPIRED;

	/** A licence that ended can never be acted on again. */
	boolean ended() {
		return this == REFUSED || this == REVOKED || this == EXPIRED;
	}

}
