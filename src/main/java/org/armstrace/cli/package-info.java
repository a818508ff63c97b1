/**
 * The command line: the verbs of {@code java -jar armstrace.jar <verb>}, one class each,
 * the dispatcher that runs the verb named by the first argument, and everything the
 * application prints to the console.
 */
package org.armstrace.cli;
