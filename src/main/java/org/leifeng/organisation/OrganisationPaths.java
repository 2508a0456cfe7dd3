package org.leifeng.organisation;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.leifeng.identity.OrganisationDirectory;
import org.springframework.stereotype.Component;

/** Tells identity where organisations stand in the tree. The root never changes, so its id is read once. */
@Component
class OrganisationPaths implements OrganisationDirectory {

    private final OrganisationStore store;
    private volatile Long rootId;

    OrganisationPaths(OrganisationStore store) {
        this.store = store;
    }

    @Override
    public long rootId() {
        Long root = rootId;
        if (root == null) {
            root = store.rootId();
            rootId = root;
        }
        return root;
    }

    @Override
    public Optional<String> pathOf(long organisationId) {
        return store.pathOf(organisationId);
    }

    @Override
    public Map<Long, String> pathsOf(Collection<Long> organisationIds) {
        if (organisationIds.isEmpty()) {
            return Map.of();
        }
        return store.pathsOf(organisationIds).stream()
                .collect(Collectors.toMap(OrganisationStore.IdAndPath::id, OrganisationStore.IdAndPath::path));
    }

    @Override
    public List<Long> idsWithin(Collection<String> pathPrefixes) {
        return pathPrefixes.isEmpty() ? List.of() : store.idsWithin(pathPrefixes);
    }
}
