package org.armstrace.ledger.merkle;

/** A proof that does not prove what it claims; the message says what is wrong. */
public class InvalidProofException extends Exception {

	public InvalidProofException(String message) {
		super(message);
	}

}
