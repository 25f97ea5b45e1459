package com.augno.errors.spring.reference;

import java.nio.file.Files;
import java.nio.file.Path;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The export mode: an application started with {@code augno.errors.reference.export-dir}
 * writes the page and the catalogue of its own registry, then closes.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorReferenceExportIntegrationTests {

	@Test
	void writesThePageAndTheCatalogueThenClosesTheApplication(@TempDir Path directory, CapturedOutput output)
			throws Exception {
		Path site = directory.resolve("site/errors");
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TestApplication.class)
			.properties("server.port=0", "augno.errors.reference.export-dir=" + site,
					"augno.errors.codes.ledger_locked.status=423",
					"augno.errors.codes.ledger_locked.message=The ledger is locked for the month-end close.",
					"augno.errors.doc-base-url=https://api.example.com/errors")
			.run();
		assertThat(context.isActive()).isFalse();

		JsonNode catalogue = JsonMapper.builder().build().readTree(site.resolve("errors.json").toFile());
		Document page = Jsoup.parse(site.resolve("index.html").toFile());
		assertThat(page.select("article.card").eachAttr("id"))
			.containsExactlyElementsOf(
					catalogue.get("codes").valueStream().map((c) -> c.get("code").asString()).toList())
			.contains("expired_token", "not_acceptable", "ledger_locked")
			.hasSize(32 + 5 + 1);
		assertThat(page.selectFirst(".lead a").attr("href")).isEqualTo("errors.json");
		assertThat(catalogue.get("codes").get(0).get("doc_url").asString())
			.isEqualTo("https://api.example.com/errors#expired_token");
		assertThat(Files.list(site)).hasSize(2);
		assertThat(output).contains("Exported the error reference of 38 codes to");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class TestApplication {

	}

}
