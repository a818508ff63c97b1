package org.armstrace.transfers;

/**
 * What an export decision weighs (Arms Trade Treaty art. 7 and 11): whether the firearms
 * would contribute to or undermine peace and security, or could be used to commit or
 * facilitate a serious violation of international humanitarian or human rights law, an
 * act of terrorism or transnational organised crime, or serious acts of gender-based
 * violence; and the risk of diversion. An overriding risk on any one refuses the export.
 */
public enum RiskCriterion {

	PEACE_AND_SECURITY, HUMANITARIAN_LAW, HUMAN_RIGHTS_LAW, TERRORISM, ORGANISED_CRIME, GENDER_BASED_VIOLENCE, DIVERSION

}
