package com.augno.errors.spring.servlet;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@link SendErrorMessageIntegrationTests}'s application with Boot's default and with
 * {@code spring.web.error.include-message=on-param}: a client error's reason shows only
 * when Boot would show it, for a request with the {@code message} parameter.
 */
@SpringBootTest(classes = SendErrorMessageIntegrationTests.App.class,
		webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.web.error.include-message=on-param" })
class SendErrorMessageOnParamIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void theReasonShowsOnlyForARequestThatAsksForMessages() throws Exception {
		AugnoErrors.assertThat(this.http.get("/starter.zip?dependencies=foo"))
			.isAugnoError("validation_failed")
			.hasMessage("The request is not valid.");
		AugnoErrors.assertThat(this.http.get("/starter.zip?dependencies=foo&message=true"))
			.isAugnoError("validation_failed")
			.hasMessage("Unknown dependency 'foo' check project metadata");
	}

}
