package org.leifeng.portal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.leifeng.reporting.Overview;
import org.leifeng.reporting.Ranking;
import org.leifeng.reporting.Trend;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/** The data of the dashboard's charts as JSON for {@code data-values} ({@code /js/dashboard.js} draws them). */
@Component
class Charts {

    private final MessageSource messages;
    private final JsonMapper json;

    Charts(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    String trend(Trend trend) {
        return json.writeValueAsString(Map.of(
                "labels", trend.months().stream().map(point -> point.month().toString().substring(0, 7)).toList(),
                "series", List.of(
                        Map.of("name", text("dashboard.serviceHours"), "data",
                                trend.months().stream().map(Trend.Point::serviceHours).toList()),
                        Map.of("name", text("dashboard.activeVolunteers"), "data",
                                trend.months().stream().map(Trend.Point::activeVolunteers).toList()))));
    }

    String categories(Overview overview) {
        return json.writeValueAsString(Map.of(
                "labels", overview.hoursByCategory().keySet().stream().map(code -> text("category." + code)).toList(),
                "series", List.of(Map.of("name", text("dashboard.serviceHours"), "data",
                        new ArrayList<>(overview.hoursByCategory().values())))));
    }

    String ranking(Ranking ranking) {
        return json.writeValueAsString(Map.of(
                "labels", ranking.items().stream().map(this::name).toList(),
                "series", List.of(Map.of("name", text("dashboard.serviceHours"), "data",
                        ranking.items().stream().map(Ranking.Item::serviceHours).toList()))));
    }

    /** Volunteers per star level, one to five, zeros included so the bars stay in place. */
    String stars(Overview overview) {
        List<Integer> levels = List.of(1, 2, 3, 4, 5);
        return json.writeValueAsString(Map.of(
                "labels", levels.stream().map(level -> "★".repeat(level)).toList(),
                "series", List.of(Map.of("name", text("dashboard.volunteers"), "data",
                        levels.stream().map(level -> overview.starLevels().getOrDefault(level, 0L)).toList()))));
    }

    /** A ranking row's name, the organisation's own level marked as such. */
    String name(Ranking.Item item) {
        return item.ownLevel() ? messages.getMessage("dashboard.ownLevel", new Object[] {item.name()},
                LocaleContextHolder.getLocale()) : item.name();
    }

    String text(String code) {
        Locale locale = LocaleContextHolder.getLocale();
        return messages.getMessage(code, null, code, locale);
    }
}
