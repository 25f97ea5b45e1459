package com.augno.errors.spring.seeds;

import java.net.http.HttpResponse;

import com.augno.errors.AugnoException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A replacing catalogue with a built-in format: problem details take the catalogue code's
 * status, documented title and documentation link, for the application's errors and the
 * framework's alike. gh-13
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate",
				"augno.errors.catalogue.location=classpath:com/augno/errors/spring/seeds/nested-envelope-errors.yaml",
				"augno.errors.format=problem", "augno.errors.doc-base-url=https://docs.example.com/errors" })
class CatalogueProblemDetailsIntegrationTests {

	@LocalServerPort
	private int port;

	@Test
	void aCatalogueCodeIsAProblemWithItsTitleAndLink() throws Exception {
		HttpResponse<String> response = get("/invalid");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(response.body()).startsWith("{\"type\":\"https://docs.example.com/errors#VALIDATION_ERROR\","
				+ "\"title\":\"Validation failed\",\"status\":400,\"detail\":\"Request validation failed\","
				+ "\"instance\":\"/invalid\",\"code\":\"VALIDATION_ERROR\",");
	}

	@Test
	void aFrameworkFailureIsAProblemOfTheCodeThatReplacesIt() throws Exception {
		HttpResponse<String> response = get("/nope");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).startsWith("{\"type\":\"https://docs.example.com/errors#NOT_FOUND\","
				+ "\"title\":\"Not Found\",\"status\":404,\"detail\":\"Unrecognized request URL: GET /nope.\","
				+ "\"instance\":\"/nope\",\"code\":\"NOT_FOUND\",");
	}

	private HttpResponse<String> get(String path) throws Exception {
		SeedClient client = new SeedClient(this.port);
		return client.send(client.request(path));
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(FailingController.class)
	static class ProblemApplication {

	}

	@RestController
	static class FailingController {

		@GetMapping("/invalid")
		String invalid() {
			throw AugnoException.of("VALIDATION_ERROR");
		}

	}

}
