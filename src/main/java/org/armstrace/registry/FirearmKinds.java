package org.armstrace.registry;

/**
 * Non-industrial kinds the Working Group asks States to catalogue (DP 5, 6, 10):
 * craft-made, 3D-printed, converted (e.g. an alarm or signal weapon made to fire),
 * modular.
 */
public record FirearmKinds(boolean craftMade, boolean printed3d, boolean converted, boolean modular) {

	public static final FirearmKinds INDUSTRIAL = new FirearmKinds(false, false, false, false);

	public boolean industrial() {
		return !craftMade && !printed3d && !converted && !modular;
	}

}
