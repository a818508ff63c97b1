package org.armstrace.transfers;

/** What an authorisation allows: goods leaving, entering or crossing the State. */
public enum TransferKind {

	EXPORT, IMPORT, TRANSIT

}
