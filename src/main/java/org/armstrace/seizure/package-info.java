/**
 * Seizures: where, when, by whom and on what legal basis and in what criminal context
 * items were seized; the items (firearms and parts with what was observed on them,
 * ammunition by calibre and quantity) and the persons and shipments involved; the
 * recovery protocol run on every firearm and marked part; evidence custody and judicial
 * holds with their deadlines; the destruction gate; and IAFQ data for UNODC. Every fact
 * is a ledger event.
 */
package org.armstrace.seizure;
