package org.leifeng.hours;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar leifeng.jar --leifeng.verify-ledger}: verifies every chain, prints the verdict and exits — 0 when
 * intact, 3 at the first broken link (named in the output). Runs before the demo data and never serves requests.
 */
@Component
@Order(0)
@ConditionalOnProperty("leifeng.verify-ledger")
class LedgerVerifyCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(LedgerVerifyCommand.class);

    private final LedgerVerification verification;
    private final ConfigurableApplicationContext context;

    LedgerVerifyCommand(LedgerVerification verification, ConfigurableApplicationContext context) {
        this.verification = verification;
        this.context = context;
    }

    @Override
    public void run(ApplicationArguments args) {
        LedgerCheck check = verification.verifyAll();
        String verdict = check.intact()
                ? "Ledger intact: %d chains, %d entries verified.".formatted(check.volunteers(), check.entries())
                : "Ledger BROKEN at volunteer %d, entry %s (seq %s): %s — expected %s, found %s".formatted(
                        check.firstBreak().volunteerId(), check.firstBreak().entryId(), check.firstBreak().seq(),
                        check.firstBreak().problem(), check.firstBreak().expected(), check.firstBreak().found());
        System.out.println(verdict);
        log.info(verdict);
        ExitCodeGenerator code = () -> check.intact() ? 0 : 3;
        System.exit(SpringApplication.exit(context, code));
    }
}
