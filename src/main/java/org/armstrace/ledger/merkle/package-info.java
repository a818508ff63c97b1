/**
 * The pure core of the ledger, free of Spring: RFC 9162 hashing, the compact frontier,
 * proof building and verification, C2SP checkpoints and Ed25519 signed notes. A witness
 * or auditor can check the ledger with this package alone.
 */
package org.armstrace.ledger.merkle;
