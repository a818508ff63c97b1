package org.armstrace.identity;

import java.security.Principal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Sign-in, one's own password and API tokens, and the access log for auditors. */
@Controller
class AccountPages {

	private final Users users;

	private final AccessLog accessLog;

	private final ApiTokens tokens;

	private final ObjectProvider<ClientRegistrationRepository> registrations;

	AccountPages(Users users, AccessLog accessLog, ApiTokens tokens,
			ObjectProvider<ClientRegistrationRepository> registrations) {
		this.users = users;
		this.accessLog = accessLog;
		this.tokens = tokens;
		this.registrations = registrations;
	}

	/** One identity provider offered beside the password form. */
	record Provider(String id, String name) {
	}

	@GetMapping("/sign-in")
	String signIn(Model model) {
		List<Provider> providers = new ArrayList<>();
		if (registrations.getIfAvailable() instanceof Iterable<?> all) {
			for (Object r : all) {
				var registration = (ClientRegistration) r;
				providers.add(new Provider(registration.getRegistrationId(), registration.getClientName()));
			}
		}
		model.addAttribute("providers", providers);
		return "identity/sign-in";
	}

	@GetMapping("/account/password")
	String password(Principal who, Model model) {
		model.addAttribute("mustChange",
				users.find(who.getName()).map(Users.Account::mustChangePassword).orElse(false));
		return "identity/password";
	}

	@PostMapping("/account/password")
	String changePassword(Principal who, @RequestParam String currentPassword, @RequestParam String newPassword,
			Model model) {
		try {
			users.changePassword(who.getName(), currentPassword, newPassword);
			model.addAttribute("changed", true);
		}
		catch (IllegalArgumentException e) {
			String[] fieldAndMessage = e.getMessage().split(": ", 2);
			model.addAttribute("errorField", fieldAndMessage.length == 2 ? fieldAndMessage[0] : "newPassword");
			model.addAttribute("error", fieldAndMessage[fieldAndMessage.length - 1]);
		}
		return "identity/password";
	}

	@GetMapping("/account/tokens")
	String tokens(Principal who, Model model) {
		model.addAttribute("tokens", tokens.tokensOf(users.find(who.getName()).orElseThrow().id()));
		return "identity/tokens";
	}

	@PostMapping("/account/tokens")
	String createToken(Principal who, @RequestParam String label, Model model) {
		UUID me = users.find(who.getName()).orElseThrow().id();
		model.addAttribute("issued", tokens.issue(me, label.isBlank() ? "token" : label));
		model.addAttribute("tokens", tokens.tokensOf(me));
		return "identity/tokens";
	}

	@PostMapping("/account/tokens/{id}/revoke")
	String revokeToken(Principal who, @PathVariable UUID id) {
		tokens.revoke(users.find(who.getName()).orElseThrow().id(), id);
		return "redirect:/account/tokens";
	}

	@GetMapping("/admin/users")
	String users(Model model) {
		model.addAttribute("users", users.all());
		model.addAttribute("roles", Role.values());
		return "identity/users";
	}

	@PostMapping("/admin/users")
	String createUser(@RequestParam String username, @RequestParam(required = false) List<Role> roles, Model model) {
		try {
			String password = users.generatePassword();
			Users.Account created = users.create(username.trim(), password,
					roles == null || roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles), true);
			model.addAttribute("created", created);
			model.addAttribute("oneTimePassword", password);
		}
		catch (IllegalArgumentException e) {
			model.addAttribute("error", e.getMessage());
		}
		return users(model);
	}

	@PostMapping("/admin/users/{username}/sign-in-reset")
	String resetSignIn(@PathVariable String username, Model model) {
		model.addAttribute("reset", username);
		model.addAttribute("oneTimePassword", users.resetSignIn(username));
		return users(model);
	}

	@GetMapping("/audit/access-log")
	String accessLog(@RequestParam(required = false) String user, Principal who, Model model) {
		var entries = accessLog.search(user, null, 200);
		accessLog.record(who, AccessLog.Action.SEARCH, "access-log", "user=" + user, null, entries.size());
		model.addAttribute("entries", entries);
		model.addAttribute("user", user);
		model.addAttribute("chain", accessLog.verify());
		return "identity/access-log";
	}

}
