package com.augno.errors.spring.reference;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorDocumentation;
import com.augno.errors.ErrorDocumentationProperties;
import com.augno.errors.ErrorFactory;
import com.augno.errors.ErrorLinks;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.ErrorType;
import com.augno.errors.spring.servlet.ErrorResponseWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another company's reference page (seed 003: {@code AUTH-401} … {@code TOOLIMITED-429})
 * reproduced from a registry of its seven codes: the same titles, descriptions, causes
 * and resolutions.
 */
class Seed003ReferenceTests {

	private static final Pattern SYNTAX = Pattern.compile("^[A-Z]+-[0-9]{3}$");

	private final Map<String, ErrorDocumentation> fixture = ErrorDocumentationProperties.load(getClass(),
			"seed-003-documentation.properties");

	private ErrorRegistry registry() {
		ErrorRegistry.Builder builder = ErrorRegistry.builder().codeSyntax(SYNTAX);
		for (String code : List.of("AUTH-401", "AUTH-403", "NOTFOUND-404", "SERVER-500", "BADREQUEST-400",
				"CONFLICT-409", "TOOLIMITED-429")) {
			int status = Integer.parseInt(code.substring(code.indexOf('-') + 1));
			ErrorType type = (status >= 500) ? ErrorType.API_ERROR : ErrorType.INVALID_REQUEST_ERROR;
			builder.register(ErrorCode.of(code, status, type, status == 429 || status >= 500,
					this.fixture.get(code).title() + "."));
			builder.document(code, this.fixture.get(code));
		}
		return builder.build();
	}

	@Test
	void generatesTheSameCardsAsTheHandWrittenPage() {
		ErrorFactory factory = new ErrorFactory(registry(),
				new ErrorLinks("https://developer.example.com/errors", null));
		String html = new ErrorReferencePage("Developer Documentation: Error Codes", null)
			.render(ErrorReference.of(factory, new ErrorResponseWriter()));
		Document page = Jsoup.parse(html);
		assertThat(this.fixture).hasSize(7);
		this.fixture.forEach((code, documentation) -> {
			Element card = page.getElementById(code);
			assertThat(card).as(code).isNotNull();
			assertThat(card.selectFirst("h3 code").text()).isEqualTo(code);
			assertThat(card.selectFirst("h3 .title").text()).isEqualTo(documentation.title());
			assertThat(card.selectFirst(".description").text()).isEqualTo(documentation.description());
			assertThat(card.select(".causes li").eachText()).isEqualTo(documentation.causes());
			assertThat(card.selectFirst(".resolution").text()).isEqualTo(documentation.resolution());
			assertThat(card.selectFirst(".facts .status").text()).startsWith(code.substring(code.indexOf('-') + 1));
		});
		// The registry always holds the Augno contract too; the seven are the service's
		// own.
		assertThat(page.select("#section-service article.card").eachAttr("id")).containsExactly("AUTH-401", "AUTH-403",
				"NOTFOUND-404", "SERVER-500", "BADREQUEST-400", "CONFLICT-409", "TOOLIMITED-429");
		assertThat(page.getElementById("no-results").text()).isEqualTo("No errors found matching your search.");
		assertThat(this.fixture.get("AUTH-403").causes()).contains("Attempting to modify data you don't own.");
	}

}
