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
	ExchangeIsConfigured

}
