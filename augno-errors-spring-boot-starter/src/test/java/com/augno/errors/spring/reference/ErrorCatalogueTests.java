package com.augno.errors.spring.reference;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorDocumentation;
import com.augno.errors.ErrorFactory;
import com.augno.errors.ErrorLinks;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.ErrorType;
import com.augno.errors.spring.servlet.ErrorResponseWriter;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorCatalogueTests {

	private final JsonMapper json = JsonMapper.builder().build();

	@Test
	void listsEveryCodeWithItsFactsDocumentationAndExample() {
		ErrorRegistry registry = ErrorRegistry.builder()
			.register(ErrorCode.of("ledger_locked", 423, ErrorType.INVALID_REQUEST_ERROR, false, "Locked."))
			.overrideDocUrl("resource_exists", "https://docs.example.com/errors#resource_conflict")
			.build();
		ErrorFactory factory = new ErrorFactory(registry, new ErrorLinks("https://api.example.com/errors", null));
		ErrorReference reference = ErrorReference.of(factory, new ErrorResponseWriter());
		JsonNode catalogue = this.json.readTree(new ErrorCatalogue().render(reference));

		assertThat(catalogue.get("version").asInt()).isEqualTo(ErrorCatalogue.VERSION).isEqualTo(1);
		assertThat(catalogue.get("codes")).hasSize(registry.codes().size());
		for (JsonNode entry : catalogue.get("codes")) {
			ErrorCode code = registry.get(entry.get("code").asString());
			ErrorDocumentation documentation = registry.documentation(code.code());
			assertThat(entry.get("status").asInt()).isEqualTo(code.status());
			assertThat(entry.get("type").asString()).isEqualTo(code.type().wireName());
			assertThat(entry.get("is_transient").asBoolean()).isEqualTo(code.isTransient());
			assertThat(entry.get("message").asString()).isEqualTo(code.message());
			assertThat(entry.get("title").isNull() ? null : entry.get("title").asString())
				.isEqualTo(documentation.title());
			assertThat(entry.get("causes")).hasSize(documentation.causes().size());
			assertThat(entry.at("/example/error/code").asString()).isEqualTo(code.code());
			assertThat(entry.at("/example/error/doc_url").asString()).isEqualTo(entry.get("doc_url").asString());
		}
		JsonNode ledger = catalogue.get("codes").get(registry.codes().size() - 1);
		assertThat(ledger.get("code").asString()).isEqualTo("ledger_locked");
		assertThat(ledger.get("category").asString()).isEqualTo("service");
		assertThat(ledger.get("title").isNull()).isTrue();
		assertThat(ledger.get("doc_url").asString()).isEqualTo("https://api.example.com/errors#ledger_locked");
		JsonNode first = catalogue.get("codes").get(0);
		assertThat(first.get("code").asString()).isEqualTo("expired_token");
		assertThat(first.get("category").asString()).isEqualTo("authentication");
		assertThat(first.get("causes").get(0).asString()).isEqualTo(documentation("expired_token").causes().get(0));
		for (JsonNode entry : catalogue.get("codes")) {
			if (entry.get("code").asString().equals("resource_exists")) {
				assertThat(entry.get("doc_url").asString())
					.isEqualTo("https://docs.example.com/errors#resource_conflict");
			}
		}
	}

	@Test
	void theReadmeShowsTheShapeOfTheCatalogue() throws Exception {
		String readme = Files.readString(Path.of("..", "README.md"));
		int start = readme.indexOf("```json\n", readme.indexOf("**The catalogue**")) + "```json\n".length();
		JsonNode shown = this.json.readTree(readme.substring(start, readme.indexOf("```", start)));
		ErrorFactory factory = new ErrorFactory(ErrorRegistry.standard(), ErrorLinks.defaults());
		JsonNode real = this.json
			.readTree(new ErrorCatalogue().render(ErrorReference.of(factory, new ErrorResponseWriter())));
		assertThat(shown.propertyNames()).containsExactlyElementsOf(real.propertyNames());
		assertThat(shown.get("version")).isEqualTo(real.get("version"));
		JsonNode first = real.get("codes").get(0);
		assertThat(shown.at("/codes/0").propertyNames()).containsExactlyElementsOf(first.propertyNames());
		for (String fact : List.of("code", "status", "type", "is_transient", "message", "doc_url", "category",
				"title")) {
			assertThat(shown.at("/codes/0/" + fact)).as(fact).isEqualTo(first.get(fact));
		}
	}

	private static ErrorDocumentation documentation(String code) {
		return ErrorRegistry.standard().documentation(code);
	}

}
