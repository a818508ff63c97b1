package org.armstrace.reference;

/**
 * The families of non-industrial firearms the catalogue sorts its entries into (Firearms
 * Protocol art. 3 d "illicit manufacturing"; Working Group DP 5-6 on emerging threats).
 */
public enum NonIndustrialKind {

	/** Made in a workshop or at home from raw materials and ordinary tools. */
	CRAFT_MADE,
	/** Made wholly or largely by additive manufacturing (3D printing). */
	PRINTED_3D,
	/** An alarm or signal weapon converted to fire live ammunition. */
	CONVERTED_ALARM,
	/** A blank-firing weapon converted to fire live ammunition. */
	CONVERTED_BLANK,
	/** A gas weapon converted to fire live ammunition. */
	CONVERTED_GAS,
	/** An air weapon or airsoft replica converted to fire cartridges. */
	CONVERTED_AIRSOFT,
	/** A deactivated or acoustic expansion weapon restored to fire. */
	REACTIVATED,
	/** Assembled from parts of a modular system, its regulated part finished at home. */
	MODULAR,
	/** A polymer frame from a kit, finished at home. */
	POLYMER_FRAME,
	/** A Flobert-cartridge weapon converted to more powerful ammunition. */
	FLOBERT

}
