package com.augno.errors.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample publishes its contract: the reference page and the catalogue are served to
 * anyone at {@code /errors} and {@code /errors.json} (its security permits them), and the
 * export command of the README writes both for a docs site.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ErrorReferenceSampleTests {

	private static final Pattern CARD = Pattern.compile("<article class=\"card\" id=\"([^\"]+)\"");

	@LocalServerPort
	private int port;

	@Autowired
	private ErrorRegistry registry;

	private List<String> cards(String html) {
		Matcher matcher = CARD.matcher(html);
		return matcher.results().map((result) -> result.group(1)).toList();
	}

	@Test
	void servesTheReferenceWithoutCredentials() throws Exception {
		HttpClient http = HttpClient.newHttpClient();
		HttpResponse<String> page = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/errors")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(page.statusCode()).isEqualTo(200);
		assertThat(cards(page.body()))
			.containsExactlyInAnyOrderElementsOf(this.registry.codes().stream().map(ErrorCode::code).toList());
		HttpResponse<String> catalogue = http.send(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/errors.json")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(catalogue.statusCode()).isEqualTo(200);
		JsonNode resourceExists = JsonMapper.builder()
			.build()
			.readTree(catalogue.body())
			.get("codes")
			.valueStream()
			.filter((code) -> code.get("code").asString().equals("resource_exists"))
			.findFirst()
			.orElseThrow();
		assertThat(resourceExists.get("doc_url").asString())
			.isEqualTo("https://docs.augno.com/api/errors#resource_conflict");
	}

	@Test
	void theExportCommandWritesThePageAndTheCatalogue(@TempDir Path directory) throws Exception {
		Path site = directory.resolve("error-reference");
		// The command runs the jar without AOT mode, which would have fixed at build time
		// that no export directory is set; the aot-test execution of these tests sets it.
		String aot = System.clearProperty("spring.aot.enabled");
		try {
			SampleApplication.main(new String[] { "--server.port=0", "--augno.errors.reference.export-dir=" + site });
		}
		finally {
			if (aot != null) {
				System.setProperty("spring.aot.enabled", aot);
			}
		}
		String page = Files.readString(site.resolve("index.html"));
		JsonNode catalogue = JsonMapper.builder().build().readTree(site.resolve("errors.json").toFile());
		assertThat(cards(page)).hasSize(this.registry.codes().size())
			.containsExactlyElementsOf(
					catalogue.get("codes").valueStream().map((c) -> c.get("code").asString()).toList());
	}

}
