package org.armstrace.exchange;

import org.armstrace.command.Rule;

/**
 * The rules of peers and of the messages a node accepts; each one's sentence is
 * {@code rule.<name>} in the exchange bundles.
 */
public enum ExchangeRule implements Rule {

	/** A peer is a State by its alpha-3 code, reached over HTTPS (or loopback). */
	PeerCountryIsKnown, PeerUrlIsHttp, PeerKeyIsAVerifierKey,
	/** A message is a compact JWS whose body reads as a message. */
	MessageIsWellFormed,
	/** A message comes from a configured peer. */
	SenderIsAPeer,
	/** A message is signed by its sender's key, over exactly what it says. */
	SignatureVerifies,
	/** A message is addressed to this node's State. */
	RecipientIsThisState,
	/** A message was sent recently, and not in the future. */
	MessageIsFresh,
	/** The node knows its own State (armstrace.exchange.country). */
	ExchangeIsConfigured,
	/**
	 * A peer whose log this node found rolled back or forked is held: its messages are
	 * not taken until an administrator configures it again.
	 */
	PeerLedgerIsConsistent,
	/** A trace request goes to a configured peer. */
	RecipientIsAPeer,
	/** A trace request's urgency is ROUTINE or URGENT. */
	UrgencyIsKnown,
	/** A photograph's hash is a SHA-256 in hexadecimal; at most ten. */
	PhotographHashIsSha256,
	/** An answer names a request a peer sent this State, still waiting or delayed. */
	TraceRequestIsOpen,
	/** An answer is FOUND, NOT_FOUND, REFUSED or DELAYED. */
	OutcomeIsKnown,
	/** A FOUND answer names the firearm found on this State's registry. */
	FoundNamesARecord,
	/** A refusal or a delay says why (ITI art. 20-21). */
	RefusalGivesAReason,
	/**
	 * A cosignature comes from a peer and verifies over a checkpoint this node signed.
	 */
	CosignatureVerifies

}
