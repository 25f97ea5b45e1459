package com.augno.errors.spring.autoconfigure;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the starter says at startup about what it cannot see: an application exception
 * handler that catches everything and Boot's error settings it does not apply.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupChecksTests {

	private static final AutoConfigurations STARTER = AutoConfigurations.of(AugnoErrorsFormatAutoConfiguration.class,
			AugnoErrorsAutoConfiguration.class, JacksonAutoConfiguration.class);

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(STARTER)
		.withConfiguration(AutoConfigurations.of(DispatcherServletAutoConfiguration.class,
				WebMvcAutoConfiguration.class, ErrorMvcAutoConfiguration.class));

	@Test
	void warnsOnceAboutEachExceptionHandlerThatCatchesEverything(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(CatchAllAdvice.class, NarrowAdvice.class, CatchAllController.class)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getOut().lines().filter((line) -> line.contains(" handles java.lang.")))
			.satisfiesExactlyInAnyOrder((line) -> assertThat(line).contains("WARN")
				.contains(CatchAllAdvice.class.getName() + "#handleException(Exception) handles java.lang.Exception: "
						+ "the Augno envelope will not be written for the exceptions it catches (malformed JSON, "
						+ "unknown URLs,"),
					(line) -> assertThat(line).contains("WARN")
						.contains(CatchAllController.class.getName()
								+ "#handleAnything(Throwable) handles java.lang.Throwable: the Augno envelope will "
								+ "not be written for the exceptions it catches in the requests of its own controller "
								+ "(malformed JSON, validation failures, AugnoException, ...)"));
		assertThat(output).doesNotContain(NarrowAdvice.class.getName());
	}

	@Test
	void saysNothingAboutExceptionHandlersOfTheApplicationsOwnExceptions(CapturedOutput output) {
		this.contextRunner.withUserConfiguration(NarrowAdvice.class)
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain(" handles java.lang.");
	}

	@Test
	void saysThatBootsIncludeSettingsDoNotShapeTheEnvelope(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("spring.web.error.include-stacktrace=always", "spring.web.error.include-message=always")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getOut().lines().filter((line) -> line.contains("not applied to the Augno error envelope")))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("INFO")
				.contains("spring.web.error.include-stacktrace=always, spring.web.error.include-message=always: "));
	}

	@Test
	void saysThatBootsProblemDetailsGiveWayToTheEnvelopeUnlessChosen(CapturedOutput output) {
		this.contextRunner.withPropertyValues("spring.mvc.problemdetails.enabled=true")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getOut().lines().filter((line) -> line.contains("spring.mvc.problemdetails.enabled=true")))
			.singleElement()
			.satisfies((line) -> assertThat(line).contains("INFO")
				.contains("the errors the application's own exception handlers do not answer are answered with "
						+ "the Augno envelope")
				.contains("set augno.errors.format=problem"));
	}

	@Test
	void saysNothingOfProblemDetailsChosenAsTheFormat(CapturedOutput output) {
		this.contextRunner.withPropertyValues("spring.mvc.problemdetails.enabled=true", "augno.errors.format=problem")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("spring.mvc.problemdetails.enabled=true");
	}

	@Test
	void warnsAboutPatternsThatBeginWithTheContextPath(CapturedOutput output) {
		// The routes are read from the rate limits' properties, bound by their
		// auto-configuration.
		this.contextRunner.withConfiguration(AutoConfigurations.of(AugnoErrorsRateLimitAutoConfiguration.class))
			.withPropertyValues("server.servlet.context-path=/api/", "augno.errors.paths=/api/**,/v1/**,/apiary/**",
					"augno.errors.rate-limits.routes[0].paths=/v1/**", "augno.errors.rate-limits.routes[0].limit=10",
					"augno.errors.rate-limits.routes[1].paths=/health,/api",
					"augno.errors.rate-limits.routes[1].limit=10")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getOut().lines().filter((line) -> line.contains("ContextPathPatternsWarning")))
			.satisfiesExactly(
					(line) -> assertThat(line).contains("WARN")
						.contains("augno.errors.paths has /api/**, which begins with server.servlet.context-path=/api")
						.contains("matches only paths under /api/api"),
					(line) -> assertThat(line).contains("WARN")
						.contains("augno.errors.rate-limits.routes[1].paths has /api, which begins with"));
	}

	@Test
	void warnsAboutPatternsOutsideTheDispatcherServletsPath(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("spring.mvc.servlet.path=/api", "augno.errors.paths=/api/**,/orders/**,/api,/**")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output.getOut().lines().filter((line) -> line.contains("ContextPathPatternsWarning")))
			.satisfiesExactly((line) -> assertThat(line).contains("WARN")
				.contains("augno.errors.paths has /orders/**, which does not begin with spring.mvc.servlet.path=/api")
				.contains("write it as /api/orders/**"));
	}

	@Test
	void saysNothingOfPatternsWithoutTheContextPath(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("server.servlet.context-path=/api", "augno.errors.paths=/v1/**,/apiary/**")
			.run((context) -> assertThat(context).hasNotFailed());
		this.contextRunner.withPropertyValues("augno.errors.paths=/api/**")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("ContextPathPatternsWarning");
	}

	@Test
	void saysNothingWhenNoIncludeSettingIsSet(CapturedOutput output) {
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("not applied to the Augno error envelope");
	}

	@RestControllerAdvice
	static class CatchAllAdvice {

		@ExceptionHandler(IllegalStateException.class)
		ResponseEntity<String> handleIllegalState(IllegalStateException ex) {
			return ResponseEntity.status(409).body("conflict");
		}

		@ExceptionHandler
		ResponseEntity<String> handleException(Exception ex) {
			return ResponseEntity.internalServerError().body(ex.getClass().getName());
		}

	}

	@RestControllerAdvice
	static class NarrowAdvice {

		@ExceptionHandler(IllegalArgumentException.class)
		ResponseEntity<String> handleIllegalArgument(IllegalArgumentException ex) {
			return ResponseEntity.badRequest().body("bad");
		}

	}

	@RestController
	static class CatchAllController {

		@GetMapping("/anything")
		String anything() {
			return "ok";
		}

		@ExceptionHandler(Throwable.class)
		ResponseEntity<String> handleAnything(Throwable ex) {
			return ResponseEntity.internalServerError().body("failed");
		}

	}

}
