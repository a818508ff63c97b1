package org.armstrace.exchange;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param country this node's State, ISO 3166-1 alpha-3; none: the node exchanges nothing
 * @param maxMessageAge how old a message may be when it arrives: older ones are refused
 * as replays (default 24 hours)
 * @param deliverEvery how often the outbox is delivered (default 2 s)
 * @param answerDays days a routine international trace request is due in (default 30)
 * @param urgentAnswerDays days an urgent one is due in (default 3)
 * @param witnessEvery how often peers' logs are witnessed (default 5 minutes)
 */
@ConfigurationProperties("armstrace.exchange")
record ExchangeProperties(String country, Duration maxMessageAge, Duration deliverEvery, Integer answerDays,
		Integer urgentAnswerDays, Duration witnessEvery) {

	ExchangeProperties {
		country = country == null || country.isBlank() ? null : country.trim().toUpperCase();
		maxMessageAge = maxMessageAge == null ? Duration.ofHours(24) : maxMessageAge;
		deliverEvery = deliverEvery == null ? Duration.ofSeconds(2) : deliverEvery;
		answerDays = answerDays == null ? 30 : answerDays;
		urgentAnswerDays = urgentAnswerDays == null ? 3 : urgentAnswerDays;
		witnessEvery = witnessEvery == null ? Duration.ofMinutes(5) : witnessEvery;
	}

}
