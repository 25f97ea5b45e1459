package com.augno.errors.spring.seeds;

import java.net.http.HttpResponse;

import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares a response body with an example as a seed document prints it: the same keys in
 * the same order with the same values, whitespace aside.
 */
final class Documented {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Documented() {
	}

	static void assertBody(HttpResponse<String> response, String example) {
		assertThat(response.body()).as("the body, key for key and in order")
			.isEqualTo(JSON.writeValueAsString(JSON.readTree(example)));
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
	}

}
