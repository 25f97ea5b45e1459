package com.augno.errors.spring.mapping;

import java.util.LinkedHashSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.server.MethodNotAllowedException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code Allow} header of a 405 lists the methods in one documented order, on both
 * stacks.
 */
class AllowedMethodsTests {

	private final SpringMvcExceptionMapper mapper = new SpringMvcExceptionMapper();

	@Test
	void standardMethodsFollowTheirDeclarationOrderThenOthersAlphabetically() {
		MappedError mapped = this.mapper.map(new HttpRequestMethodNotSupportedException("PUT",
				List.of("PROPFIND", "PATCH", "OPTIONS", "GET", "DELETE", "MKCOL", "HEAD", "POST")));
		assertThat(mapped).isNotNull();
		assertThat(mapped.headers().get("Allow"))
			.containsExactly("GET, HEAD, POST, PATCH, DELETE, OPTIONS, MKCOL, PROPFIND");
	}

	@Test
	void webFluxsMethodNotAllowedFollowsTheSameOrder() {
		// Spring's WebSocket handshake raises it with a Set.of(...), in no stable order.
		MappedError mapped = new ErrorResponseMapper().map(new MethodNotAllowedException("POST",
				new LinkedHashSet<>(List.of(HttpMethod.valueOf("CONNECT"), HttpMethod.OPTIONS, HttpMethod.GET))));
		assertThat(mapped).isNotNull();
		assertThat(mapped.headers().get("Allow")).containsExactly("GET, OPTIONS, CONNECT");
	}

	@Test
	void noSupportedMethodsSendsNoAllow() {
		MappedError mapped = this.mapper.map(new HttpRequestMethodNotSupportedException("PUT"));
		assertThat(mapped).isNotNull();
		assertThat(mapped.headers().get("Allow")).isNull();
	}

}
