package com.augno.errors.spring.servlet;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import com.augno.errors.spring.test.LoopbackHttp;
import com.augno.errors.test.AugnoErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A browser's error page rendered in the failed request's own dispatch gets the model
 * attributes of the application's {@code @ControllerAdvice} that applies to the error
 * controller, as Boot's page got them on the error dispatch: a layout that shows one
 * keeps rendering instead of failing into the envelope. An advice scoped to other
 * controllers gives the page nothing, as in Boot; the page's own attributes win. What the
 * {@code postHandle} of an interceptor of the error path adds is there too; one that
 * excludes the error path adds nothing, as in Boot.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "server.shutdown=immediate", "spring.thymeleaf.prefix=classpath:/advice-app/templates/" })
class ControllerAdviceErrorPagesIntegrationTests {

	@LocalServerPort
	private int port;

	private final LoopbackHttp http = new LoopbackHttp(() -> this.port);

	@Test
	void anUnknownUrlsPageGetsTheAdvicesAttributes() throws Exception {
		assertPage(page("/nope"), 404, "resource_not_found");
	}

	@Test
	void aCrashsPageGetsTheAdvicesAttributes(CapturedOutput output) throws Exception {
		assertPage(page("/crash"), 500, "internal_error");
		assertThat(output).containsOnlyOnce("500 internal_error for GET /crash").doesNotContain("@ModelAttribute");
	}

	@Test
	void aFailingAdviceIsLoggedAndThePageRenderedWithoutIt(CapturedOutput output) throws Exception {
		HttpResponse<String> response = this.http.send(this.http.request("/nope")
			.header("Accept", BrowserErrorPagesIntegrationTests.BROWSER)
			.header("X-Visitor", "fail"));
		// This layout needs the advice's siteName: its page fails, and the envelope
		// answers with the page's status.
		assertThat(response.statusCode()).isEqualTo(404);
		AugnoErrors.assertThat(response).isAugnoError("resource_not_found").hasNoParam().hasContentLength();
		assertThat(output).contains("The @ModelAttribute methods of the application's @ControllerAdvice failed for the "
				+ "error page of GET /nope; it is rendered without them", "no visitor for you");
	}

	@Test
	void aStatusSetWithoutABodyGetsTheAdvicesAttributes() throws Exception {
		assertPage(page("/gone"), 404, "resource_not_found");
	}

	@Test
	void theEnvelopeIsUnchanged() throws Exception {
		HttpResponse<String> response = this.http.get("/nope", "Accept", "application/json");
		assertThat(response.statusCode()).isEqualTo(404);
		AugnoErrors.assertThat(response).isAugnoError("resource_not_found").hasNoParam().hasContentLength();
		assertThat(response.body()).doesNotContain("Acme", "visitor");
	}

	private HttpResponse<String> page(String path) throws Exception {
		return this.http.send(this.http.request(path)
			.header("Accept", BrowserErrorPagesIntegrationTests.BROWSER)
			.header("X-Visitor", "ada"));
	}

	private static void assertPage(HttpResponse<String> response, int status, String code) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/html"));
		assertThat(response.body()).contains("<header id=\"site\">ACME STORE</header>", "<nav id=\"menu\">Home</nav>",
				"<p id=\"visitor\">ada</p>", "<p id=\"api\">none</p>", "<p id=\"status\">" + status + "</p>",
				"<p id=\"code\">" + code + "</p>");
	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	@Import({ Controller.class, SiteAdvice.class, ApiAdvice.class })
	static class App implements WebMvcConfigurer {

		@Override
		public void addInterceptors(InterceptorRegistry registry) {
			registry.addInterceptor(new MenuInterceptor("Home"));
			registry.addInterceptor(new MenuInterceptor("Admin")).excludePathPatterns("/error");
		}

	}

	/**
	 * Adds its item to the menu of every view's model, as a layout's navigation is often
	 * given.
	 */
	static class MenuInterceptor implements HandlerInterceptor {

		private final String item;

		MenuInterceptor(String item) {
			this.item = item;
		}

		@Override
		public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
				@Nullable ModelAndView modelAndView) {
			if (modelAndView != null) {
				@SuppressWarnings("unchecked")
				List<String> menu = (List<String>) modelAndView.getModel()
					.computeIfAbsent("menu", (name) -> new ArrayList<String>());
				menu.add(this.item);
			}
		}

	}

	@RestController
	static class Controller {

		@GetMapping("/crash")
		String crash() {
			throw new IllegalStateException("the ledger is locked");
		}

		@GetMapping("/gone")
		ResponseEntity<Void> gone() {
			return ResponseEntity.notFound().build();
		}

	}

	@ControllerAdvice
	static class SiteAdvice {

		@ModelAttribute("siteName")
		String siteName() {
			return "Acme Store";
		}

		@ModelAttribute("visitor")
		String visitor(HttpServletRequest request) {
			String visitor = request.getHeader("X-Visitor");
			if ("fail".equals(visitor)) {
				throw new IllegalStateException("no visitor for you");
			}
			return visitor;
		}

		@ModelAttribute("code")
		String code() {
			return "advice";
		}

	}

	@ControllerAdvice(assignableTypes = Controller.class)
	static class ApiAdvice {

		@ModelAttribute("apiOnly")
		String apiOnly() {
			return "api";
		}

	}

}
