/**
 * What every page and API answer shares: the landing page, and errors as RFC 9457 problem
 * details that name the field and the rule.
 */
package org.armstrace.web;
