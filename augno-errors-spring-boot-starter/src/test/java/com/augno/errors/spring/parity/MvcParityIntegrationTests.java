package com.augno.errors.spring.parity;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;

/**
 * The parity scenarios on Spring MVC over Tomcat.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.main.web-application-type=servlet" })
class MvcParityIntegrationTests extends AbstractParityTests {

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ParityController.class)
	static class App {

	}

}
