package org.credo;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Starts Credo: one application, many modules, checked by Spring Modulith. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class CredoApplication {

    public static void main(String[] args) {
        SpringApplication.run(CredoApplication.class, args);
    }
}
