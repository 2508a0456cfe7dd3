package org.leifeng.activity;

import java.time.Period;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** How far ahead series generate their shifts unless they say otherwise (default 8 weeks). */
@ConfigurationProperties("leifeng.recurrence")
record RecurrenceProperties(Period horizon) {

    RecurrenceProperties {
        horizon = horizon == null ? Period.ofWeeks(8) : horizon;
    }
}
