package org.leifeng.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What identity needs to know of the organisation tree: the materialised path of a node ({@code /1/7/42/}: its id
 * and those of its ancestors). Implemented by the organisation module, so identity never depends on it.
 */
public interface OrganisationDirectory {

    long rootId();

    Optional<String> pathOf(long organisationId);

    Map<Long, String> pathsOf(Collection<Long> organisationIds);

    /** The ids of every organisation whose path starts with one of the prefixes: the subtrees they root. */
    List<Long> idsWithin(Collection<String> pathPrefixes);
}
