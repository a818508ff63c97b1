/**
 * Licences: who may hold, collect, deal in, make and broker firearms, of which categories
 * and how many, for how long (Firearms Protocol art. 15, EU Directive 2021/555 art. 4-7).
 * Every step of a licence's life is a ledger fact; the registry asks this module, through
 * its {@link org.armstrace.registry.AcquisitionCheck}, before a holder acquires a
 * firearm. It owns the tables {@code licence} and {@code licence_coverage}, and the
 * recovery and renewal lists drawn from them.
 */
package org.armstrace.licensing;
