package org.armstrace.licensing;

import org.armstrace.command.Limits;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/**
 * A category a licence covers and how many firearms of it its holder may hold at once
 * ({@code null}: as many as the kind allows, e.g. a dealer's stock).
 */
public record Coverage(@Size(max = Limits.CODE) String category, @Min(1) @Max(Coverage.MAX_QUANTITY) Integer quantity) {

	/** The most firearms of one category a licence may name. */
	public static final int MAX_QUANTITY = 100_000;

}
