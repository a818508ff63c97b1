/**
 * CSV files in and out, for every module that hands out or takes in a spreadsheet: the
 * one writer, whose cells a spreadsheet program cannot run as formulas, and the one
 * reader, which takes a byte-order mark and refuses a broken row (short, or with a quote
 * left open) as that row instead of failing the whole file. A module of its own, with no
 * dependencies, so the registry, the reference catalogue, seizures and demo data all use
 * the same rules without depending on each other.
 */
package org.armstrace.csv;
