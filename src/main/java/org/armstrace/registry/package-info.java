/**
 * The registry: firearms, essential parts and components, ammunition lots and their
 * holders, through their whole life cycle. Commands check the rules against the current
 * state, then append events to the ledger and update the projections (the tables officers
 * read) in the same transaction.
 */
package org.armstrace.registry;
