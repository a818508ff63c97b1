/**
 * Demo data, valid by construction and the same for the same seed: a generated national
 * registry, seizures with their protocol steps, trace requests and holds, and synthetic
 * legacy files for the bulk import. Every name, address and serial is synthetic. It owns
 * the {@code demo_fill} table, where a fill is remembered so that an interrupted one
 * resumes.
 */
package org.armstrace.demo;
