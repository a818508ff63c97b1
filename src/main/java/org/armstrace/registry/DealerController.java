package org.armstrace.registry;

import java.security.Principal;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.UUID;

import org.armstrace.command.Limits;
import org.armstrace.identity.Role;
import org.armstrace.identity.Users;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A dealer's register over HTTP: the stock of the holder its account is bound to; and the
 * binding, which an administrator makes.
 */
@RestController
@Tag(name = "Registry", description = "Firearms, parts, ammunition lots and holders through their life cycle")
class DealerController {

	/** The most firearms one stock answer lists. */
	static final int STOCK_LIMIT = 10_000;

	private final DealerStock stock;

	private final RegistryQueries queries;

	private final Users users;

	DealerController(DealerStock stock, RegistryQueries queries, Users users) {
		this.stock = stock;
		this.queries = queries;
		this.users = users;
	}

	record Stock(UUID holderId, List<RegistryQueries.FirearmSummary> firearms) {
	}

	record DealerAccount(@NotBlank @Size(max = Limits.NAME) String username) {
	}

	record Bound(UUID holderId, String username) {
	}

	@Operation(summary = "The dealer's register: the active firearms its holder holds (dealer accounts only)")
	@GetMapping("/api/v1/dealer/stock")
	Stock stock(Principal who) {
		UUID holder = stock.of(who)
			.orElseThrow(() -> new IllegalArgumentException("this account keeps no dealer's stock"));
		return new Stock(holder, queries.firearmsHeldBy(holder, STOCK_LIMIT));
	}

	@Operation(summary = "Bind a dealer's account to its dealer holder: it then sees and acts on that stock only")
	@PostMapping("/api/v1/holders/{id}/dealer-accounts")
	Bound bind(@PathVariable UUID id, @Valid @RequestBody DealerAccount body) {
		HolderRole role = queries.holder(id).orElseThrow(() -> new NoSuchElementException("no holder " + id)).role();
		if (role != HolderRole.DEALER && role != HolderRole.MANUFACTURER && role != HolderRole.BROKER) {
			throw new IllegalArgumentException("holderId: a dealer's account keeps a dealer's, manufacturer's or "
					+ "broker's stock; holder " + id + " is " + role);
		}
		Users.Account account = users.find(body.username().trim())
			.orElseThrow(() -> new IllegalArgumentException("username: no account '" + body.username() + "'"));
		if (!account.roles().contains(Role.DEALER)) {
			throw new IllegalArgumentException("username: the account '" + account.username() + "' has no DEALER role");
		}
		users.bindToHolder(account.id(), id);
		return new Bound(id, account.username());
	}

}
