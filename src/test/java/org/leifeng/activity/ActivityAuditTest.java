package org.leifeng.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** An activity's moves are audited as {@code activity.<status in lower case>}, as the audit log has them. */
class ActivityAuditTest {

    @Test
    void namesEachMoveOfAnActivityByTheStatusItReaches() {
        assertThat(ActivityAudit.reaching(ActivityStatus.PUBLISHED).code()).isEqualTo("activity.published");
        assertThat(ActivityAudit.reaching(ActivityStatus.COMPLETED).code()).isEqualTo("activity.completed");
        assertThat(ActivityAudit.reaching(ActivityStatus.CANCELLED).code()).isEqualTo("activity.cancelled");
    }

    @Test
    void refusesAMoveBackToDraft() {
        assertThatThrownBy(() -> ActivityAudit.reaching(ActivityStatus.DRAFT))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
