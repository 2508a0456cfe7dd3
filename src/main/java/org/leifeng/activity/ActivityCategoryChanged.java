package org.leifeng.activity;

import java.time.Instant;

/**
 * An organiser changed the category of an activity; published in the changing transaction. It carries the new category
 * so that listeners need not read the activity, and {@code changedAt} so that they can keep the latest whatever order
 * events reach them in. An activity's team does not change after it is created.
 */
public record ActivityCategoryChanged(long activityId, long organisationId, Category category, Instant changedAt) {
}
