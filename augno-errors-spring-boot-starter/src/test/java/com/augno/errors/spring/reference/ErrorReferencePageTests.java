package com.augno.errors.spring.reference;

import java.util.List;

import com.augno.errors.AugnoError;
import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorDocumentation;
import com.augno.errors.ErrorFactory;
import com.augno.errors.ErrorLinks;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.ErrorType;
import com.augno.errors.FrameworkCodes;
import com.augno.errors.Quota;
import com.augno.errors.spring.servlet.ErrorResponseWriter;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorReferencePageTests {

	private static final ErrorCode LEDGER_LOCKED = ErrorCode.of("ledger_locked", 423, ErrorType.INVALID_REQUEST_ERROR,
			false, "The ledger is locked for the month-end close.");

	private static final ErrorCode QUEUE_FULL = ErrorCode.of("queue_full", 503, ErrorType.API_ERROR, true,
			"The import queue is full.");

	private final ErrorResponseWriter writer = new ErrorResponseWriter();

	private final JsonMapper json = JsonMapper.builder().build();

	private ErrorFactory factory(ErrorRegistry.Builder builder) {
		return new ErrorFactory(builder.build(), new ErrorLinks("https://api.example.com/errors", null));
	}

	private ErrorRegistry.Builder serviceRegistry() {
		ErrorRegistry.Builder builder = ErrorRegistry.builder();
		FrameworkCodes.all().forEach(builder::registerBuiltIn);
		FrameworkCodes.documentation().forEach(builder::document);
		return builder.register(LEDGER_LOCKED).register(QUEUE_FULL);
	}

	private Document render(ErrorFactory factory) {
		ErrorReference reference = ErrorReference.of(factory, this.writer);
		return Jsoup.parse(new ErrorReferencePage("API errors", "errors.json").render(reference));
	}

	@Test
	void listsExactlyTheCodesTheRegistryAnswersWithEachUnderItsOwnAnchor() {
		ErrorFactory factory = factory(serviceRegistry());
		Document page = render(factory);
		List<String> codes = factory.registry().codes().stream().map(ErrorCode::code).toList();
		assertThat(page.select("article.card").eachAttr("id")).containsExactlyInAnyOrderElementsOf(codes);
		assertThat(codes).hasSize(32 + 5 + 2);
		for (ErrorCode code : factory.registry().codes()) {
			String docUrl = factory.create(code, null, null, null, null, null).docUrl();
			String fragment = docUrl.substring(docUrl.indexOf('#') + 1);
			assertThat(page.getElementById(fragment)).as(docUrl).isNotNull();
		}
	}

	@Test
	void groupsTheCodesInTheSectionsOfTheOverviewWithTheServicesOwnLast() {
		Document page = render(factory(serviceRegistry()));
		assertThat(page.select("section.group > h2").eachText()).containsExactly("Authentication & authorization",
				"Limits", "Request validation", "Parameters", "Resources", "Idempotency", "Rate limiting",
				"API version", "Server errors", "Service errors");
		assertThat(page.select("#section-authentication article.card").eachAttr("id")).containsExactly("expired_token",
				"api_key_expired", "api_key_revoked", "invalid_credentials", "insufficient_permissions",
				"payment_required");
		assertThat(page.select("#section-validation article.card").eachAttr("id")).contains("not_acceptable",
				"unsupported_media_type", "request_too_large");
		assertThat(page.select("#section-service article.card").eachAttr("id")).containsExactly("ledger_locked",
				"queue_full");
	}

	@Test
	void leavesOutASectionWhoseCodesTheRegistryDoesNotAnswerWith() {
		Document page = render(factory(ErrorRegistry.builder()));
		assertThat(page.getElementById("section-service")).isNull();
		assertThat(page.getElementById("not_acceptable")).isNull();
		assertThat(page.select("nav.toc a[href=#not_acceptable]")).isEmpty();
	}

	@Test
	void showsStatusTypeTransienceDocumentationAndTheDocumentedFacts() {
		ErrorFactory factory = factory(serviceRegistry());
		Element card = render(factory).getElementById("rate_limit_exceeded");
		ErrorDocumentation documentation = factory.registry().documentation("rate_limit_exceeded");
		assertThat(card.selectFirst("h3 .title").text()).isEqualTo(documentation.title());
		assertThat(card.selectFirst(".facts .status").text()).isEqualTo("429 Too Many Requests");
		assertThat(card.selectFirst(".facts .type").text()).isEqualTo("invalid_request_error");
		assertThat(card.selectFirst(".facts .retry").text()).isEqualTo("Transient");
		assertThat(card.selectFirst(".description").text()).isEqualTo(documentation.description());
		assertThat(card.select(".causes li").eachText()).isEqualTo(documentation.causes());
		assertThat(card.selectFirst(".resolution").text()).isEqualTo(documentation.resolution());
		assertThat(card.selectFirst(".retry-advice").text()).startsWith("Transient: the same request may succeed");
		Element closed = render(factory).getElementById("client_closed_request");
		assertThat(closed.selectFirst(".facts .status").text()).isEqualTo("499 Client Closed Request");
		assertThat(closed.selectFirst(".facts .retry").text()).isEqualTo("Not transient");
	}

	@Test
	void showsTheExampleEnvelopeTheWriterWrites() {
		ErrorFactory factory = factory(serviceRegistry());
		Document page = render(factory);
		for (ErrorCode code : factory.registry().codes()) {
			JsonNode shown = this.json.readTree(page.getElementById(code.code()).selectFirst("pre code").wholeText());
			Quota quota = "limit_exceeded".equals(code.code()) ? ErrorReference.EXAMPLE_QUOTA : null;
			AugnoError error = factory.create(code, null, null, null, quota, ErrorReference.EXAMPLE_REQUEST_ID);
			assertThat(shown).as(code.code()).isEqualTo(this.json.readTree(this.writer.toBytes(error)));
		}
		JsonNode limit = this.json.readTree(page.getElementById("limit_exceeded").selectFirst("pre code").wholeText());
		assertThat(limit.at("/error/quota/limit").asInt()).isEqualTo(5);
	}

	@Test
	void aCodeWithoutDocumentationStillGetsACardWithItsStatusTypeAndMessage() {
		Element card = render(factory(serviceRegistry())).getElementById("ledger_locked");
		assertThat(card.selectFirst("h3").text()).isEqualTo("ledger_locked");
		assertThat(card.selectFirst(".facts .status").text()).isEqualTo("423 Locked");
		assertThat(card.selectFirst(".facts .type").text()).isEqualTo("invalid_request_error");
		assertThat(card.selectFirst(".message").text())
			.isEqualTo("Default message: The ledger is locked for the month-end close.");
		assertThat(card.selectFirst(".undocumented")).isNotNull();
		assertThat(card.select(".causes, .resolution, .description")).isEmpty();
	}

	@Test
	void escapesHtmlInEveryField() {
		String hostile = "<script>alert('x')</script> & \"quoted\"";
		ErrorCode code = ErrorCode.of("markup_test", 422, ErrorType.INVALID_REQUEST_ERROR, false, hostile);
		ErrorRegistry.Builder builder = ErrorRegistry.builder()
			.register(code)
			.document("markup_test", new ErrorDocumentation(hostile, hostile, List.of(hostile), hostile));
		ErrorReference reference = ErrorReference.of(factory(builder), this.writer);
		String html = new ErrorReferencePage(hostile, hostile).render(reference);
		assertThat(html).doesNotContain("<script>alert").doesNotContain("\"quoted\"");
		Document page = Jsoup.parse(html);
		assertThat(page.select("script")).hasSize(1);
		assertThat(page.select("script").first().data()).doesNotContain("alert");
		assertThat(page.title()).isEqualTo(hostile);
		Element card = page.getElementById("markup_test");
		assertThat(card.selectFirst("h3 .title").text()).isEqualTo(hostile);
		assertThat(card.selectFirst(".description").text()).isEqualTo(hostile);
		assertThat(card.selectFirst(".causes li").text()).isEqualTo(hostile);
		assertThat(card.selectFirst(".resolution").text()).isEqualTo(hostile);
		assertThat(card.selectFirst(".message").text()).isEqualTo("Default message: " + hostile);
		assertThat(card.attr("data-search")).contains("<script>alert('x')</script>");
		assertThat(page.selectFirst(".lead a").attr("href")).isEqualTo(hostile);
		assertThat(this.json.readTree(card.selectFirst("pre code").wholeText()).at("/error/message").asString())
			.isEqualTo(hostile);
	}

	@Test
	void withoutJavaScriptEveryCardIsShownAndTheSearchBoxStaysHidden() {
		ErrorFactory factory = factory(serviceRegistry());
		Document page = render(factory);
		assertThat(page.select("article.card[hidden]")).isEmpty();
		assertThat(page.select("section.group[hidden]")).isEmpty();
		assertThat(page.getElementById("search-box").hasAttr("hidden")).isTrue();
		assertThat(page.getElementById("no-results").hasAttr("hidden")).isTrue();
		assertThat(page.getElementById("no-results").text()).isEqualTo("No errors found matching your search.");
		assertThat(page.select("label[for=search]").text()).isEqualTo("Search errors");
		assertThat(page.select("link[href], script[src]")).isEmpty();
		assertThat(page.select("html").attr("lang")).isEqualTo("en");
		assertThat(page.select("article.card")).hasSize(factory.registry().codes().size());
	}

}
