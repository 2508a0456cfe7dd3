package org.leifeng;

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
        SpringApplication.run(LeifengApplication.class, args);
    }
}
