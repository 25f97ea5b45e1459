package com.augno.errors.spring.reactive;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.handler.SimpleUrlHandlerMapping;
import org.springframework.web.reactive.resource.ResourceWebHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Over Reactor Netty, with the starter's check of the static resource locations at
 * startup: an existing static file is still served, and an unknown URL is still the
 * envelope's 404.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.main.web-application-type=reactive",
		"spring.web.resources.static-locations=classpath:/augno-static/,classpath:/no-such-dir/",
		"spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
class ReactiveStaticResourcesIntegrationTests {

	@LocalServerPort
	private int port;

	@Autowired
	@Qualifier("resourceHandlerMapping")
	private SimpleUrlHandlerMapping resourceHandlerMapping;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void theMissingLocationIsDropped() {
		assertThat(this.resourceHandlerMapping.getHandlerMap().values())
			.hasAtLeastOneElementOfType(ResourceWebHandler.class)
			.allSatisfy((handler) -> assertThat(((ResourceWebHandler) handler).isOptimizeLocations()).isTrue());
	}

	@Test
	void anExistingStaticFileIsServed() throws Exception {
		HttpResponse<String> response = this.http.get("/hello.txt");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).startsWith("hello from a static file");
	}

	@Test
	void anUnknownUrlIsTheEnvelopes404() throws Exception {
		HttpResponse<String> response = this.http.get("/wp-login.php");
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
		assertThat(response.headers().firstValueAsLong("Content-Length"))
			.hasValue(response.body().getBytes(StandardCharsets.UTF_8).length);
		AugnoErrors.assertThat(response)
			.isAugnoError("resource_not_found")
			.hasMessage("Unrecognized request URL: GET /wp-login.php.")
			.hasNoParam();
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class App {

	}

}
