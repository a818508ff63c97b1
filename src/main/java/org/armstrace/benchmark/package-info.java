/**
 * Benchmarks anyone can re-run: the ledger's append rate and full verify, and the
 * matching engine's recall and latency against PostgreSQL's pg_trgm, on generated data in
 * scratch databases, folders and schemas.
 */
package org.armstrace.benchmark;
