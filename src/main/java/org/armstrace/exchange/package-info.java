/**
 * Exchange between States' nodes, with no central operator: signed messages (JWS with
 * EdDSA, the node's own Ed25519 key) delivered through a transactional outbox with
 * retries, received through an idempotent inbox that refuses unknown senders, bad
 * signatures, replays and malformed bodies. Lost and stolen notices go to every peer when
 * the registry records a loss or theft and are withdrawn on recovery; peers' notices are
 * kept locally and checked by the recovery protocol's international step, which notifies
 * the owning State of a hit. Every message sent or received is a ledger fact (its type,
 * peer and the hash of its envelope). It owns {@code exchange_peer},
 * {@code exchange_message}, {@code foreign_lost_stolen}, {@code exchange_hit} and
 * {@code exchange_outbox}.
 */
package org.armstrace.exchange;
