package org.leifeng.hours;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Star levels (河南省志愿服务条例 Art 41): cumulative hours at which a volunteer reaches one to five stars, by
 * default 100 / 300 / 600 / 1000 / 1500 ({@code leifeng.hours.star-thresholds}).
 */
@ConfigurationProperties("leifeng.hours")
record StarLevels(List<BigDecimal> starThresholds) {

    StarLevels {
        starThresholds = starThresholds == null || starThresholds.isEmpty()
                ? List.of(new BigDecimal(100), new BigDecimal(300), new BigDecimal(600), new BigDecimal(1000),
                        new BigDecimal(1500))
                : List.copyOf(starThresholds);
        for (int i = 1; i < starThresholds.size(); i++) {
            if (starThresholds.get(i).compareTo(starThresholds.get(i - 1)) <= 0) {
                throw new IllegalArgumentException("leifeng.hours.star-thresholds must rise: " + starThresholds);
            }
        }
    }

    int levelFor(BigDecimal total) {
        return (int) starThresholds.stream().filter(threshold -> total.compareTo(threshold) >= 0).count();
    }

    /** The hours of the next level, or null at the top. */
    BigDecimal nextThreshold(BigDecimal total) {
        return starThresholds.stream().filter(threshold -> total.compareTo(threshold) < 0).findFirst().orElse(null);
    }
}
