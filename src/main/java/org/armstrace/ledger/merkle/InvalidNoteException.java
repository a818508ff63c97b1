package org.armstrace.ledger.merkle;

/** A signed note that is malformed or carries no valid signature by the expected key. */
public class InvalidNoteException extends Exception {

	public InvalidNoteException(String message) {
		super(message);
	}

	public InvalidNoteException(String message, Throwable cause) {
		super(message, cause);
	}

}
