package com.augno.errors.sample;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Records the code of every error envelope the sample answers during a test, with the
 * request's method and path: the (operation, code) pairs that the published OpenAPI
 * document must declare.
 */
final class ProvokedErrors {

	private final JsonMapper json = JsonMapper.builder().build();

	private final Set<Provoked> provoked = ConcurrentHashMap.newKeySet();

	/**
	 * Record the error a response carries, if it carries one.
	 * @param request the request
	 * @param response its response
	 */
	void record(HttpRequest request, HttpResponse<String> response) {
		if (response.statusCode() < 400 || response.body().isEmpty()) {
			return;
		}
		JsonNode code = this.json.readTree(response.body()).at("/error/code");
		if (code.isString()) {
			this.provoked
				.add(new Provoked(request.method(), request.uri().getPath(), response.statusCode(), code.asString()));
		}
	}

	/**
	 * Return what was recorded so far.
	 * @return the recorded errors, sorted
	 */
	List<Provoked> all() {
		return this.provoked.stream().sorted().toList();
	}

	/**
	 * One error answered to one request.
	 *
	 * @param method the request's method
	 * @param path the request's path, without the query
	 * @param status the status answered
	 * @param code the code answered
	 */
	record Provoked(String method, String path, int status, String code) implements Comparable<Provoked> {

		@Override
		public int compareTo(Provoked other) {
			return toString().compareTo(other.toString());
		}

		@Override
		public String toString() {
			return this.method + " " + this.path + " -> " + this.status + " " + this.code;
		}

	}

}
