package org.leifeng.activity;

import java.time.Clock;
import java.time.OffsetDateTime;

import org.leifeng.organisation.Organisation;
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
        String path = query.organisationId() == null ? null : organisations.findActive(query.organisationId())
                .map(Organisation::path).orElseThrow(() -> new NotFound("organisation", query.organisationId()));
        return store.find(query, path, OffsetDateTime.now(clock), page);
    }
}
