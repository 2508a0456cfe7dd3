package org.leifeng.portal;

import java.util.HashMap;
import java.util.Map;

import org.leifeng.organisation.Organisation;
import org.leifeng.organisation.Organisations;

/** Looks up organisation names for one page, each at most once. Names are public facts, like the tree's shape. */
public final class OrganisationNames {

    private final Organisations organisations;
    private final Map<Long, String> known = new HashMap<>();

    OrganisationNames(Organisations organisations) {
        this.organisations = organisations;
    }

    public String of(long organisationId) {
        return known.computeIfAbsent(organisationId, id -> organisations.findActive(id).map(Organisation::name)
                .orElse("#" + id));
    }
}
