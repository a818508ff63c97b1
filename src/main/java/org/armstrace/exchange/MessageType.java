package org.armstrace.exchange;

/** The kinds of message nodes exchange. */
public enum MessageType {

	/** A firearm reported lost or stolen, for other States to recognise it. */
	LOST_STOLEN_NOTICE,
	/** A notice withdrawn: the firearm was recovered. */
	NOTICE_WITHDRAWN,
	/** A State seized a firearm on the owning State's notice. */
	HIT_NOTIFICATION

}
