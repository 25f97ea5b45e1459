package com.augno.errors.spring.reactive;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.spring.web.ExclusiveParameters;
import com.augno.errors.test.AugnoErrors;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The query parameter rules over Reactor Netty, with the same envelopes as on Spring MVC:
 * {@code @ExclusiveParameters} given together, and an undeclared parameter when
 * {@code augno.errors.reject-unknown-parameters} is on.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = { "server.shutdown=immediate",
		"spring.main.web-application-type=reactive", "augno.errors.reject-unknown-parameters=true",
		"spring.autoconfigure.exclude=org.springframework.boot.security.autoconfigure.web.reactive.ReactiveWebSecurityAutoConfiguration,"
				+ "org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration" })
class ReactiveParameterRulesIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void exclusiveParametersGivenTogetherNameTheSecond() throws Exception {
		AugnoErrors.assertThat(this.http.get("/flux/items?page=2&cursor=abc"))
			.isAugnoError("parameters_exclusive")
			.hasStatus(400)
			.hasMessage("The cursor and page parameters cannot be used together.")
			.hasParam("page");
	}

	@Test
	void anUndeclaredParameterIsParameterUnknown() throws Exception {
		AugnoErrors.assertThat(this.http.get("/flux/items?page=2&skip=3"))
			.isAugnoError("parameter_unknown")
			.hasMessage("Unknown parameter: skip.")
			.hasParam("skip");
	}

	@Test
	void declaredParametersAndFrameworkArgumentsAreAccepted() throws Exception {
		assertThat(this.http.get("/flux/items?cursor=abc").statusCode()).isEqualTo(200);
		assertThat(this.http.get("/flux/items").statusCode()).isEqualTo(200);
	}

	@Test
	void anUnknownPathWithAQueryStaysResourceNotFound() throws Exception {
		AugnoErrors.assertThat(this.http.get("/flux/nothing?skip=3")).isAugnoError("resource_not_found");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ItemController.class)
	static class App {

	}

	@RestController
	static class ItemController {

		@GetMapping("/flux/items")
		@ExclusiveParameters({ "cursor", "page" })
		Mono<String> items(@RequestParam(required = false) @Nullable String cursor,
				@RequestParam(required = false) @Nullable Integer page, ServerWebExchange exchange) {
			return Mono.just("items");
		}

	}

}
