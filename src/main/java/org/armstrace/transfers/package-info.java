/**
 * International transfers (Firearms Protocol art. 10, ITI, ATT art. 7 and 11): export,
 * import and transit authorisations with their lines, granted only in the Protocol's
 * order of consent (the importing State's authorisation and each transit State's notice
 * of no objection before an export), end-user certificates and their verification, the
 * risk assessment of each export decision, consignments shipped under an authorisation
 * (each firearm exported on the registry in the same transaction), receipt confirmations,
 * and the reconciliation of authorised, shipped and received that raises diversion
 * alerts. It owns the tables {@code transfer_authorisation}, {@code authorisation_line},
 * {@code transit_notice}, {@code end_user_certificate}, {@code risk_assessment},
 * {@code consignment}, {@code consignment_line} and {@code foreign_export_notice}.
 */
package org.armstrace.transfers;
