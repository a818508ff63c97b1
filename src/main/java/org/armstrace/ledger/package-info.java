/**
 * The ledger: an append-only, tamper-evident log of every life-cycle event (a Merkle tree
 * as in RFC 9162, with signed checkpoints, inclusion and consistency proofs, and a full
 * verify). It stores typed events as canonical JSON and knows nothing of firearms; the
 * pure hashing and proof code lives in {@code ledger.merkle}. It shows, but does not
 * make, the check of the modules' tables against it
 * ({@link org.armstrace.ledger.ProjectionAudit}, provided by the command kernel).
 */
package org.armstrace.ledger;
