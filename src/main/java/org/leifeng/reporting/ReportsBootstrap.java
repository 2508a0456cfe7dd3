package org.leifeng.reporting;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * On every start, after the demo data: the figures are reconciled with the ledger and the registrations, and rebuilt
 * when they differ — the first start, data loaded in bulk (the demo city, an import) or a lost event all end here.
 */
@Component
@Order(200)
class ReportsBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReportsBootstrap.class);

    private final Reports reports;

    ReportsBootstrap(Reports reports) {
        this.reports = reports;
    }

    @Override
    public void run(ApplicationArguments args) {
        Reconciliation check = reports.reconcile();
        if (!check.consistent()) {
            long started = System.nanoTime();
            reports.rebuild();
            log.info("Rebuilt the report figures ({} differences with the sources) in {} ms", check.drifts().size(),
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
