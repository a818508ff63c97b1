/**
 * Tracing: from observed markings (damaged, partly unreadable, misread) to ranked
 * candidate records (firearms and marked parts), each with a score, a band and an
 * explanation an officer can judge; a firearm's chain of custody with its flags; trace
 * requests and the investigation cases they open, every step on the ledger; trace
 * reports. The candidate index is a Lucene projection of the ledger.
 */
package org.armstrace.tracing;
