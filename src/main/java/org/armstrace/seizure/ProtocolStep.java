package org.armstrace.seizure;

/**
 * The recovery protocol's steps, run for every seized firearm and marked part (DP 39).
 */
public enum ProtocolStep {

	NATIONAL_REGISTRY_MATCH, LOST_OR_STOLEN_STATUS, TRACE_REQUEST, INTERNATIONAL_CHECK, BALLISTIC_REFERENCE

}
