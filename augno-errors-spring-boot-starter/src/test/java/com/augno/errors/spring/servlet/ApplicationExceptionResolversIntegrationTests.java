package com.augno.errors.spring.servlet;

import java.io.IOException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import com.augno.errors.AugnoException;
import com.augno.errors.test.AugnoErrors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.HandlerExceptionResolver;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.handler.SimpleMappingExceptionResolver;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's own {@link HandlerExceptionResolver} beans, which Spring MVC asks
 * after its own resolvers (a {@link SimpleMappingExceptionResolver}, a resolver with an
 * {@code @Order}), keep answering what they answered without the starter; the starter
 * answers what they leave, and Spring MVC's own exceptions, which never reached them.
 */
@WebMvcTest(properties = "spring.thymeleaf.prefix=classpath:/legacy-resolver/templates/")
class ApplicationExceptionResolversIntegrationTests {

	private static final String BROWSER = BrowserErrorPagesIntegrationTests.BROWSER;

	@Autowired
	private MockMvcTester mvc;

	@Autowired
	private TeapotResolver teapotResolver;

	@BeforeEach
	void forget() {
		this.teapotResolver.seen.clear();
	}

	@Test
	void anOrderedResolverOfTheApplicationKeepsItsAnswer() {
		MvcTestResult result = this.mvc.get().uri("/teapot").accept("application/json").exchange();
		assertThat(result).hasStatus(418).hasHeader("X-Custom-Resolver", "teapot");
		assertThat(result).bodyText().isEqualTo("I'm a teapot");
	}

	@Test
	void aSimpleMappingExceptionResolverKeepsItsViewAndStatus() {
		MvcTestResult result = this.mvc.get().uri("/ledger").accept(BROWSER).exchange();
		assertThat(result).hasStatus(503).bodyText().contains("LEGACY ledger page");
	}

	@Test
	void anExceptionTheApplicationsResolversLeaveGetsTheEnvelope() {
		MvcTestResult result = this.mvc.get().uri("/crash").accept("application/json").exchange();
		AugnoErrors.assertThat(result).isAugnoError("internal_error");
		assertThat(result).bodyText().doesNotContain("the ledger is gone");
		assertThat(this.teapotResolver.seen).containsExactly(IllegalStateException.class);
	}

	@Test
	void anAugnoExceptionNeverReachesTheApplicationsResolvers() {
		// As a ResponseStatusException: an error reporter's resolver ordered after Spring
		// MVC's (Sentry's) would report it as an unhandled crash.
		AugnoErrors.assertThat(this.mvc.get().uri("/missing").accept("application/json").exchange())
			.isAugnoError("resource_not_found");
		assertThat(this.teapotResolver.seen).isEmpty();
	}

	@Test
	void springMvcsOwnExceptionsNeverReachTheApplicationsResolvers() {
		MvcTestResult result = this.mvc.get().uri("/count?n=many").accept("application/json").exchange();
		AugnoErrors.assertThat(result).isAugnoError("parameter_invalid").hasParam("n");
		assertThat(this.teapotResolver.seen).isEmpty();
	}

	@Test
	void aResponseStatusExceptionNeverReachesTheApplicationsResolvers() {
		AugnoErrors.assertThat(this.mvc.get().uri("/gone").accept("application/json").exchange())
			.isAugnoError("resource_not_found");
		assertThat(this.teapotResolver.seen).isEmpty();
	}

	@Test
	void aResolverAheadOfSpringMvcsIsAskedByTheDispatcherServletAsBefore() {
		MvcTestResult result = this.mvc.get().uri("/early").accept("application/json").exchange();
		assertThat(result).hasStatus(409).bodyText().isEqualTo("early");
		assertThat(this.teapotResolver.seen).isEmpty();
	}

	@SpringBootConfiguration
	@Import(Api.class)
	static class Config {

		@Bean
		TeapotResolver teapotResolver() {
			return new TeapotResolver();
		}

		@Bean
		SimpleMappingExceptionResolver legacyResolver() {
			SimpleMappingExceptionResolver resolver = new SimpleMappingExceptionResolver();
			Properties mappings = new Properties();
			mappings.setProperty(LedgerUnavailableException.class.getName(), "error/ledger");
			resolver.setExceptionMappings(mappings);
			Properties statuses = new Properties();
			statuses.setProperty("error/ledger", "503");
			resolver.setStatusCodes(statuses);
			return resolver;
		}

		@Bean
		EarlyResolver earlyResolver() {
			return new EarlyResolver();
		}

	}

	/**
	 * Answers a {@link TeapotException} with a 418 of its own, and remembers the type of
	 * every exception it was asked about.
	 */
	@Order(1)
	static final class TeapotResolver implements HandlerExceptionResolver {

		final List<Class<?>> seen = new CopyOnWriteArrayList<>();

		@Override
		public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
				@Nullable Object handler, Exception ex) {
			this.seen.add(ex.getClass());
			if (!(ex instanceof TeapotException)) {
				return null;
			}
			try {
				response.setStatus(418);
				response.setHeader("X-Custom-Resolver", "teapot");
				response.getWriter().write("I'm a teapot");
			}
			catch (IOException failed) {
				throw new IllegalStateException(failed);
			}
			return new ModelAndView();
		}

	}

	/**
	 * Answers an {@link EarlyException} ahead of Spring MVC's resolvers.
	 */
	static final class EarlyResolver implements HandlerExceptionResolver, Ordered {

		@Override
		public @Nullable ModelAndView resolveException(HttpServletRequest request, HttpServletResponse response,
				@Nullable Object handler, Exception ex) {
			if (!(ex instanceof EarlyException)) {
				return null;
			}
			try {
				response.setStatus(409);
				response.getWriter().write("early");
			}
			catch (IOException failed) {
				throw new IllegalStateException(failed);
			}
			return new ModelAndView();
		}

		@Override
		public int getOrder() {
			return Ordered.HIGHEST_PRECEDENCE;
		}

	}

	@RestController
	static class Api {

		@GetMapping("/teapot")
		String teapot() {
			throw new TeapotException();
		}

		@GetMapping("/ledger")
		String ledger() {
			throw new LedgerUnavailableException();
		}

		@GetMapping("/crash")
		String crash() {
			throw new IllegalStateException("the ledger is gone");
		}

		@GetMapping("/missing")
		String missing() {
			throw AugnoException.of("resource_not_found");
		}

		@GetMapping("/count")
		String count(@RequestParam int n) {
			return "n=" + n;
		}

		@GetMapping("/gone")
		String gone() {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}

		@GetMapping("/early")
		String early() {
			throw new EarlyException();
		}

	}

	static final class TeapotException extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

	static final class LedgerUnavailableException extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

	static final class EarlyException extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

}
