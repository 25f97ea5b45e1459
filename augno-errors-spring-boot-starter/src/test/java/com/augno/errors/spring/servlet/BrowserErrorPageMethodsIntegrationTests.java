package com.augno.errors.spring.servlet;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;

import com.augno.errors.AugnoException;
import com.augno.errors.spring.test.LoopbackHttp;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's {@code PUT} or {@code DELETE} (a form's, through Spring's hidden method
 * filter) that fails, in an application whose error page is a view that, as a JSP does,
 * refuses methods other than {@code GET}, {@code POST} and {@code HEAD} outside an error
 * dispatch: the page is rendered in the container's error dispatch, with the failure's
 * status, as without the starter.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.mvc.hiddenmethod.filter.enabled=true" })
class BrowserErrorPageMethodsIntegrationTests {

	private static final String BROWSER = BrowserErrorPagesIntegrationTests.BROWSER;

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void aBrowsersPutThatFailsGetsThePageWithItsStatus() throws Exception {
		HttpResponse<String> response = this.http
			.send(this.http.request("/items/7").header("Accept", BROWSER).PUT(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(500);
		assertThat(response.body()).isEqualTo("page 500 internal_error");
	}

	@Test
	void aFormsDeleteThatFailsGetsThePageWithItsStatus() throws Exception {
		HttpResponse<String> response = this.http.postForm("/items/7", "_method=DELETE", "Accept", BROWSER);
		assertThat(response.statusCode()).isEqualTo(409);
		assertThat(response.body()).isEqualTo("page 409 resource_conflict");
	}

	@Test
	void aBrowsersPutToAnUnknownUrlGetsThePageWithItsStatus() throws Exception {
		HttpResponse<String> response = this.http.send(
				this.http.request("/nothing-here").header("Accept", BROWSER).PUT(HttpRequest.BodyPublishers.noBody()));
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).isEqualTo("page 404 resource_not_found");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import(ItemsController.class)
	static class App {

		@Bean
		ErrorViewResolver jspLikeErrorPages() {
			return (request, status, model) -> new ModelAndView(new JspLikeView(), model);
		}

	}

	/**
	 * Answers as Jasper's JSP servlet does: 405 to a method other than {@code GET},
	 * {@code POST} and {@code HEAD}, unless in an error dispatch.
	 */
	static class JspLikeView implements View {

		private static final Set<String> METHODS = Set.of("GET", "POST", "HEAD");

		@Override
		public String getContentType() {
			return MediaType.TEXT_HTML_VALUE;
		}

		@Override
		public void render(@Nullable Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
				throws Exception {
			if (!METHODS.contains(request.getMethod()) && request.getDispatcherType() != DispatcherType.ERROR) {
				response.sendError(405, "JSPs only permit GET, POST or HEAD.");
				return;
			}
			response.setContentType(getContentType());
			response.getWriter().write("page " + model.get("status") + " " + model.get("code"));
		}

	}

	@RestController
	static class ItemsController {

		@PutMapping("/items/{id}")
		String put() {
			throw new IllegalStateException("the ledger is gone");
		}

		@DeleteMapping("/items/{id}")
		String delete() {
			throw AugnoException.of("resource_conflict");
		}

	}

}
