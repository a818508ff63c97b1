package org.armstrace.registry;

/** One broken rule: which field of the command, which named rule, and a sentence a person can act on. */
public record Violation(String field, String rule, String message) {
}
