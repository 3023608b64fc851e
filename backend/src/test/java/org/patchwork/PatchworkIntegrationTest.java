package org.patchwork;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole application on a random port, against the PostGIS named by {@code SPRING_DATASOURCE_URL}
 * (or the default in application.yaml), loaded with the real Merseyside data from {@link SharedDataDirectory}.
 * Every integration test uses exactly this set-up, so Spring starts the application and loads the data once.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(classes = PatchworkApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SharedDataDirectory.class)
public @interface PatchworkIntegrationTest {
}
