package org.patchwork;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class PatchworkApplication {

    public static void main(String[] args) {
        SpringApplication.run(PatchworkApplication.class, args);
    }
}
