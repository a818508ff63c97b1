/**
 * Analysis of the published records: linked postal and courier shipments grouped into
 * networks, and the alerts they raise.
 */
package org.armstrace.analytics;
