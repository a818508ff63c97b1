/**
 * Tracing: from observed markings (damaged, partly unreadable, misread) to ranked candidate records, each with a
 * score, a band and an explanation an officer can judge. The candidate index is a Lucene projection of the ledger.
 */
package org.armstrace.tracing;
