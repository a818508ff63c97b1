package org.armstrace.seizure;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Completes the registry matches that waited for the candidate index (a seizure recorded
 * while it caught up after a restart or a big import), a few seconds after it has.
 */
@Component
class RegistryMatchesWaitingForIndex {

	private static final Logger log = LoggerFactory.getLogger(RegistryMatchesWaitingForIndex.class);

	private final Seizures seizures;

	RegistryMatchesWaitingForIndex(Seizures seizures) {
		this.seizures = seizures;
	}

	@Scheduled(initialDelayString = "${armstrace.seizure.index-wait-poll:5s}",
			fixedDelayString = "${armstrace.seizure.index-wait-poll:5s}")
	void completeWhenCaughtUp() {
		try {
			int completed = seizures.completeRegistryMatchesWaitingForIndex();
			if (completed > 0) {
				log.info("Completed {} registry match(es) that waited for the firearm index", completed);
			}
		}
		catch (RuntimeException e) {
			log.error("The registry matches waiting for the firearm index could not be completed", e);
		}
	}

}
