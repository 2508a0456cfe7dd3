package org.leifeng.reporting;

import java.math.BigDecimal;
import java.util.List;

/** Whether the read models agree with the sources; each disagreement named (organisation, ledger, figures). */
public record Reconciliation(boolean consistent, List<Drift> drifts) {

    public record Drift(String what, Long organisationId, BigDecimal source, BigDecimal figures) {
    }
}
