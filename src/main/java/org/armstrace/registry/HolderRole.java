package org.armstrace.registry;

/**
 * Who holds items: the roles of the Firearms Protocol's and the ITI's chain of legal
 * holders.
 */
public enum HolderRole {

	MANUFACTURER, DEALER, BROKER, STATE_AGENCY, PRIVATE_OWNER

}
