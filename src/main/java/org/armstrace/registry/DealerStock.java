package org.armstrace.registry;

import java.security.Principal;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;

import org.armstrace.identity.AccessLog;
import org.armstrace.identity.Actors;
import org.springframework.stereotype.Component;

/**
 * A dealer's account sees and acts on its own holder's stock only (EU Directive 2021/555
 * art. 10 registers): any other firearm, part or ammunition lot is answered as one that
 * does not exist, so that a dealer cannot learn what other holders hold, and the attempt
 * goes to the access log.
 */
@Component
class DealerStock {

	private final Actors actors;

	private final RegistryQueries queries;

	private final AccessLog accessLog;

	DealerStock(Actors actors, RegistryQueries queries, AccessLog accessLog) {
		this.actors = actors;
		this.queries = queries;
		this.accessLog = accessLog;
	}

	/** The holder whose stock {@code who} is confined to; empty for an officer. */
	Optional<UUID> of(Principal who) {
		return actors.dealerStock(who);
	}

	/**
	 * Passes for an officer, and for a dealer whose holder holds the firearm.
	 * @throws NoSuchElementException otherwise, after logging the refusal
	 */
	void require(UUID firearmId, Principal who) {
		Optional<UUID> stock = of(who);
		if (stock.isPresent() && !stock.equals(queries.holderOfFirearm(firearmId))) {
			throw refused(firearmId, who);
		}
	}

	/** Passes for an officer, and for a dealer whose holder holds the part. */
	void requirePart(UUID partId, Principal who) {
		Optional<UUID> stock = of(who);
		if (stock.isPresent() && !queries.holdsPart(stock.get(), partId)) {
			throw refused("part", partId, who);
		}
	}

	/** Passes for an officer, and for a dealer whose holder holds rounds of the lot. */
	void requireLot(UUID lotId, Principal who) {
		Optional<UUID> stock = of(who);
		if (stock.isPresent() && !queries.holdsLot(stock.get(), lotId)) {
			throw refused("ammunition lot", lotId, who);
		}
	}

	NoSuchElementException refused(UUID firearmId, Principal who) {
		return refused("firearm", firearmId, who);
	}

	NoSuchElementException refused(String what, UUID id, Principal who) {
		accessLog.record(who, AccessLog.Action.REFUSED, what + " " + id, "not in the dealer's stock", null, 0);
		return new NoSuchElementException("no " + what + " " + id);
	}

}
