package org.armstrace.ledger;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * What every module's events are to the ledger: a record with a stable type name and
 * schema version, and the id of the thing it is about. The record's components become the
 * entry's {@code event} object, so they must never hold personal data: holders appear by
 * opaque id only.
 */
public interface LedgerEvent {

	/**
	 * Stable name of the event type, e.g. {@code registry.firearm-transferred}; never
	 * reused for another shape.
	 */
	@JsonIgnore
	String type();

	/**
	 * Version of the record's shape under {@link #type()}; old versions stay readable
	 * forever.
	 */
	@JsonIgnore
	int schemaVersion();

	/** Opaque id of the item or record the event is about, or {@code null}. */
	@JsonIgnore
	String subjectId();

}
