package org.armstrace.registry;

/** Types of firearm as the UNODC Illicit Arms Flows Questionnaire counts them. */
public enum FirearmType {

	PISTOL, REVOLVER, RIFLE, CARBINE, SHOTGUN, SUBMACHINE_GUN, MACHINE_GUN, OTHER

}
