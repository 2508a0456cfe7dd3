package org.leifeng;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Leifeng: the "Learn from Lei Feng" voluntary service platform of a city.
 * {@code platform} is the shared kernel every module may use; the business modules are listed in ARCHITECTURE.md.
 */
@SpringBootApplication
@EnableScheduling
@Modulithic(sharedModules = "platform")
public class LeifengApplication {

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(LeifengApplication.class);
        if (Arrays.asList(args).contains("--leifeng.verify-ledger")) {
            // A one-off check of the hours ledger next to a running platform: any free port, and LedgerVerifyCommand
            // runs before everything else and exits.
            System.setProperty("server.port", "0");
        }
        application.run(args);
    }
}
