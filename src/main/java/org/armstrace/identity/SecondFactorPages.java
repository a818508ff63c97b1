package org.armstrace.identity;

import java.security.Principal;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.FactorGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * The second factor in the browser: the code asked after the password, and enrolment on
 * the account page (the secret shown once, as text and as an {@code otpauth://} URI, and
 * kept only once a code from the app proves it was taken down).
 */
@Controller
class SecondFactorPages {

	/**
	 * The secret offered for enrolment, kept in the session until a code confirms it (a
	 * reload shows the same one).
	 */
	private static final String OFFERED = SecondFactorPages.class.getName() + ".offered";

	private final Users users;

	private final SecondFactors factors;

	private final SignInSteps steps;

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	SecondFactorPages(Users users, SecondFactors factors, SignInSteps steps) {
		this.users = users;
		this.factors = factors;
		this.steps = steps;
	}

	@GetMapping(SignInSteps.CODE_PAGE)
	String codePage(Principal who) {
		return enrolled(who) ? "identity/code" : "redirect:" + SignInSteps.ENROLMENT_PAGE;
	}

	@PostMapping(SignInSteps.CODE_PAGE)
	String code(@RequestParam(defaultValue = "") String code, Authentication who, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (!enrolled(who)) {
			return "redirect:" + SignInSteps.ENROLMENT_PAGE;
		}
		if (factors.verify(who.getName(), code)) {
			return "redirect:" + passed(who, request, response);
		}
		if (users.locked(who.getName())) {
			request.getSession().invalidate();
			SecurityContextHolder.clearContext();
			return "redirect:/sign-in?error";
		}
		model.addAttribute("wrong", true);
		return "identity/code";
	}

	@GetMapping(SignInSteps.ENROLMENT_PAGE)
	String enrolment(Principal who, HttpSession session, Model model) {
		if (enrolled(who)) {
			model.addAttribute("enrolled", true);
			return "identity/second-factor";
		}
		String secret = (String) session.getAttribute(OFFERED);
		if (secret == null) {
			secret = factors.newSecret();
			session.setAttribute(OFFERED, secret);
		}
		return offer(who, secret, model);
	}

	@PostMapping(SignInSteps.ENROLMENT_PAGE)
	String enrol(@RequestParam(defaultValue = "") String code, Authentication who, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		String secret = (String) request.getSession().getAttribute(OFFERED);
		if (enrolled(who) || secret == null) {
			return "redirect:" + SignInSteps.ENROLMENT_PAGE;
		}
		if (!factors.enrol(who.getName(), secret, code)) {
			model.addAttribute("wrong", true);
			return offer(who, secret, model);
		}
		request.getSession().removeAttribute(OFFERED);
		return "redirect:" + passed(who, request, response);
	}

	private String offer(Principal who, String secret, Model model) {
		model.addAttribute("secret", secret);
		model.addAttribute("uri", SecondFactors.uri(who.getName(), secret));
		model.addAttribute("required", steps.pending((Authentication) who).isPresent());
		return "identity/second-factor";
	}

	/**
	 * The session has given its second factor: it gets the factor's authority, a new
	 * session id, and goes on to the next step or the dashboard.
	 */
	private String passed(Authentication who, HttpServletRequest request, HttpServletResponse response) {
		Authentication upgraded = who.toBuilder()
			.authorities(all -> all.add(FactorGrantedAuthority.fromAuthority(SignInSteps.TOTP)))
			.build();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(upgraded);
		SecurityContextHolder.setContext(context);
		request.changeSessionId();
		contexts.saveContext(context, request, response);
		return steps.next(upgraded);
	}

	private boolean enrolled(Principal who) {
		return users.find(who.getName()).map(Users.Account::secondFactor).orElse(false);
	}

}
