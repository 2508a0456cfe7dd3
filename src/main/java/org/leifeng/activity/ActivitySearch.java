package org.leifeng.activity;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.leifeng.organisation.Organisations;
import org.leifeng.platform.NotFound;
import org.leifeng.platform.PageRequest;
import org.leifeng.platform.PageResult;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Finding published activities, for anyone: drafts and cancelled activities are never listed. The organisation tree
 * is public, so a subtree filter needs no caller; an unknown or inactive organisation answers 404.
 */
@Service
public class ActivitySearch {

    private final ActivitySearchStore store;
    private final Organisations organisations;
    private final Clock clock;

    ActivitySearch(ActivitySearchStore store, Organisations organisations, Clock clock) {
        this.store = store;
        this.organisations = organisations;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public PageResult<ActivitySummary> find(ActivitySearchQuery query, PageRequest page) {
        List<Long> subtree = query.organisationId() == null ? null : organisations.findActive(query.organisationId())
                .map(organisation -> organisations.idsWithin(List.of(organisation.path())))
                .orElseThrow(() -> new NotFound("organisation", query.organisationId()));
        PageResult<ActivitySummary> found = store.find(query, subtree, OffsetDateTime.now(clock), page);
        Map<Long, String> names = organisations.namesOf(
                found.items().stream().map(ActivitySummary::organisationId).collect(Collectors.toSet()));
        return new PageResult<>(found.items().stream()
                .map(item -> item.withOrganisationName(names.get(item.organisationId()))).toList(),
                found.page(), found.size(), found.total());
    }
}
