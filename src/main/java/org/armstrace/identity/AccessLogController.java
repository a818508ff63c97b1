package org.armstrace.identity;

import java.security.Principal;
import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** The access log for auditors: search it, and check that its chain is unbroken. */
@RestController
@RequestMapping("/api/v1/access-log")
@Tag(name = "Access log", description = "Who consulted what, when and why")
class AccessLogController {

	private final AccessLog accessLog;

	AccessLogController(AccessLog accessLog) {
		this.accessLog = accessLog;
	}

	@Operation(summary = "Entries, newest first, optionally of one user and one action (READ, SEARCH, EXPORT, REFUSED)")
	@GetMapping
	List<AccessLog.Entry> search(@RequestParam(required = false) String user,
			@RequestParam(required = false) AccessLog.Action action, @RequestParam(defaultValue = "100") int limit,
			Principal who) {
		List<AccessLog.Entry> entries = accessLog.search(user, action, limit);
		// reading the log is itself a consultation
		accessLog.record(who, AccessLog.Action.SEARCH, "access-log", "user=" + user + " action=" + action, null,
				entries.size());
		return entries;
	}

	@Operation(summary = "Recompute the hash chain of the whole log")
	@GetMapping("/verify")
	AccessLog.ChainReport verify() {
		return accessLog.verify();
	}

}
