package org.armstrace.licensing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Records the expiry of licences whose validity ended: when the server starts and every
 * night (never in a command-line job, which must not write), so that the lists show it.
 * An acquisition check never relies on it: it checks the validity dates itself.
 */
@Component
class LicenceExpiry {

	private static final Logger log = LoggerFactory.getLogger(LicenceExpiry.class);

	private final Licences licences;

	private final boolean atStart;

	LicenceExpiry(Licences licences, @Value("${armstrace.licensing.expire-at-start:true}") boolean atStart) {
		this.licences = licences;
		this.atStart = atStart;
	}

	@EventListener(ApplicationReadyEvent.class)
	void atStart() {
		if (atStart) {
			expire();
		}
	}

	@Scheduled(cron = "${armstrace.licensing.expiry-cron:0 5 0 * * *}")
	void expire() {
		int expired = licences.expirePastValidity();
		if (expired > 0) {
			log.info("Licences: {} expired", expired);
		}
	}

}
