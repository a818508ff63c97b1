package org.armstrace.transfers;

/**
 * Where an authorisation stands. EXPIRED and USED_UP follow from its validity and its
 * shipments; the others are decisions.
 */
public enum AuthorisationState {

	APPLIED, GRANTED, REFUSED, SUSPENDED, REVOKED, EXPIRED, USED_UP

}
