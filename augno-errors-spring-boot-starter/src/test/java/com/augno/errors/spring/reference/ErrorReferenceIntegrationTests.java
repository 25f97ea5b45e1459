package com.augno.errors.spring.reference;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.augno.errors.AugnoException;
import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.spring.web.ErrorEvent;
import com.augno.errors.spring.web.ErrorListener;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference page and the catalogue served by a real Tomcat: caching headers and 304s,
 * no request id, never counted as errors, and every {@code doc_url} of a real error
 * resolving to its card when {@code doc-base-url} points at the page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "augno.errors.reference.enabled=true",
				"augno.errors.doc-base-url=/errors", "augno.errors.codes.ledger_locked.status=423",
				"augno.errors.codes.ledger_locked.message=The ledger is locked for the month-end close." })
class ErrorReferenceIntegrationTests {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	@LocalServerPort
	private int port;

	@Autowired
	private ErrorRegistry registry;

	@Autowired
	private RecordingErrorListener errors;

	private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
		return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path));
	}

	@Test
	void servesThePageWithAnEtagAndAnswersARevalidationWith304() throws Exception {
		HttpResponse<String> page = send(request("/errors"));
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
		String etag = page.headers().firstValue("ETag").orElseThrow();
		assertThat(etag).matches("\"[0-9a-f]{32}\"");
		assertThat(page.headers().firstValue("Request-Id")).isEmpty();
		Document html = Jsoup.parse(page.body());
		assertThat(html.select("article.card").eachAttr("id"))
			.containsExactlyInAnyOrderElementsOf(this.registry.codes().stream().map(ErrorCode::code).toList())
			.contains("ledger_locked", "not_acceptable");
		assertThat(html.selectFirst(".lead a").attr("href")).isEqualTo("errors.json");

		HttpResponse<String> revalidated = send(request("/errors").header("If-None-Match", etag));
		assertThat(revalidated.statusCode()).isEqualTo(304);
		assertThat(revalidated.body()).isEmpty();
		assertThat(revalidated.headers().firstValue("ETag")).hasValue(etag);
		assertThat(revalidated.headers().firstValue("Request-Id")).isEmpty();

		HttpResponse<String> head = send(request("/errors").method("HEAD", HttpRequest.BodyPublishers.noBody()));
		assertThat(head.statusCode()).isEqualTo(200);
		assertThat(head.headers().firstValue("ETag")).hasValue(etag);
	}

	@Test
	void servesTheCatalogueAsVersionedJson() throws Exception {
		HttpResponse<String> response = send(request("/errors.json"));
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValue("ETag")).isPresent();
		JsonNode catalogue = this.json.readTree(response.body());
		assertThat(catalogue.get("version").asInt()).isEqualTo(1);
		assertThat(catalogue.get("codes").valueStream().map((code) -> code.get("code").asString()).toList())
			.containsExactlyInAnyOrderElementsOf(this.registry.codes().stream().map(ErrorCode::code).toList());
	}

	@Test
	void everyDocUrlOfARealErrorResolvesToItsCardOnTheServedPage() throws Exception {
		Document page = Jsoup.parse(send(request("/errors")).body());
		for (String path : List.of("/ledger", "/no-such-page", "/boom")) {
			HttpResponse<String> error = send(request(path).header("Accept", "application/json"));
			String docUrl = this.json.readTree(error.body()).at("/error/doc_url").asString();
			URI resolved = URI.create("http://127.0.0.1:" + this.port + "/").resolve(docUrl);
			assertThat(resolved.getPath()).isEqualTo("/errors");
			assertThat(page.getElementById(resolved.getFragment())).as(docUrl).isNotNull();
		}
	}

	@Test
	void servingTheReferenceIsNeverCountedAsAnError() throws Exception {
		String etag = send(request("/errors")).headers().firstValue("ETag").orElseThrow();
		send(request("/errors").header("If-None-Match", etag));
		send(request("/errors.json"));
		send(request("/errors").method("HEAD", HttpRequest.BodyPublishers.noBody()));
		send(request("/ledger"));
		// The error listeners (Micrometer's error counter is one) are told after the
		// response is written.
		long deadline = System.nanoTime() + 10_000_000_000L;
		while (!this.errors.requests.contains("/ledger") && System.nanoTime() < deadline) {
			Thread.sleep(20);
		}
		assertThat(this.errors.requests).contains("/ledger").noneMatch((uri) -> uri.startsWith("/errors"));
	}

	@Test
	void anotherMethodGetsTheEnvelopeOfMethodNotAllowed() throws Exception {
		HttpResponse<String> response = send(request("/errors").POST(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(405);
		assertThat(this.json.readTree(response.body()).at("/error/code").asString()).isEqualTo("method_not_allowed");
		assertThat(response.headers().allValues("Allow").toString()).contains("GET").contains("HEAD");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ LedgerController.class, RecordingErrorListener.class })
	static class TestApplication {

	}

	static class RecordingErrorListener implements ErrorListener {

		final List<String> requests = new CopyOnWriteArrayList<>();

		@Override
		public void onError(ErrorEvent event) {
			this.requests.add(event.path());
		}

	}

	@RestController
	static class LedgerController {

		@GetMapping("/ledger")
		String ledger() {
			throw AugnoException.of("ledger_locked");
		}

		@GetMapping("/boom")
		String boom() {
			throw new IllegalStateException("boom");
		}

	}

}
