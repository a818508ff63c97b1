/**
 * The reference catalogue: countries (ISO 3166-1 alpha-3, from the JDK), and the
 * normalisation of free-text names so that "S&W" and "SMITH & WESSON INC." are recognised
 * as one maker.
 */
package org.armstrace.reference;
