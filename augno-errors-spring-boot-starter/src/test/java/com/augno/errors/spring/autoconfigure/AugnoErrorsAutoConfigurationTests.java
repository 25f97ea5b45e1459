package com.augno.errors.spring.autoconfigure;

import com.augno.errors.AugnoError;
import com.augno.errors.AugnoException;
import com.augno.errors.ErrorFactory;
import com.augno.errors.ErrorLinks;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.ErrorType;
import com.augno.errors.spring.mapping.AugnoExceptionMapper;
import com.augno.errors.spring.mapping.ClientDisconnectMapper;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import com.augno.errors.spring.mapping.ConfiguredExceptionMapper;
import com.augno.errors.spring.mapping.ConstraintViolationExceptionMapper;
import com.augno.errors.spring.mapping.ErrorResponseMapper;
import com.augno.errors.spring.mapping.ExceptionMapper;
import com.augno.errors.spring.mapping.MappedError;
import com.augno.errors.spring.mapping.JwtExceptionMapper;
import com.augno.errors.spring.mapping.RejectedExecutionExceptionMapper;
import com.augno.errors.spring.mapping.RequestBodyExceptionMapper;
import com.augno.errors.spring.mapping.SpringMvcExceptionMapper;
import com.augno.errors.spring.mapping.ValidationExceptionMapper;
import com.augno.errors.spring.servlet.AugnoErrorController;
import com.augno.errors.spring.servlet.AugnoErrorsExceptionHandler;
import com.augno.errors.spring.servlet.ErrorResponseDecision;
import com.augno.errors.spring.servlet.ErrorResponseHandler;
import com.augno.errors.spring.web.ErrorLogger;
import com.augno.errors.spring.web.RequestIdGenerator;
import jakarta.validation.ConstraintViolationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.DispatcherServletAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.error.BasicErrorController;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.authentication.rememberme.CookieTheftException;
import org.springframework.util.Assert;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class AugnoErrorsAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(AugnoErrorsAutoConfiguration.class, JacksonAutoConfiguration.class,
				DispatcherServletAutoConfiguration.class, WebMvcAutoConfiguration.class,
				ErrorMvcAutoConfiguration.class));

	@Test
	void comesAfterSpringDataRestSoThatItsUnorderedExceptionHandlerWinsTheTieWithTheStartersAdvice() {
		// Advice of equal order run in the order their beans were registered; Data REST's
		// RepositoryRestExceptionHandler has none, the starter's advice is ordered last.
		assertThat(AugnoErrorsAutoConfiguration.class.getAnnotation(AutoConfiguration.class).afterName())
			.contains("org.springframework.boot.data.rest.autoconfigure.DataRestAutoConfiguration");
		assertThat(AugnoErrorsExceptionHandler.class.getAnnotation(Order.class).value())
			.isEqualTo(Ordered.LOWEST_PRECEDENCE);
	}

	@Test
	void definesTheWholePipelineByDefault() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(ErrorRegistry.class)
				.hasSingleBean(ErrorLinks.class)
				.hasSingleBean(ErrorFactory.class)
				.hasSingleBean(CompositeExceptionMapper.class)
				.hasSingleBean(ErrorResponseHandler.class)
				.hasSingleBean(AugnoErrorsExceptionHandler.class)
				.hasSingleBean(AugnoErrorController.class)
				.hasSingleBean(RequestIdGenerator.class)
				.hasBean("augnoRequestIdFilter");
			// The three validation mappers share one order: they map disjoint exception
			// types.
			assertThat(context.getBean(CompositeExceptionMapper.class).getMappers()).extracting(Object::getClass)
				.containsExactlyInAnyOrder(ClientDisconnectMapper.class, ConfiguredExceptionMapper.class,
						AugnoExceptionMapper.class, ValidationExceptionMapper.class, RequestBodyExceptionMapper.class,
						ConstraintViolationExceptionMapper.class, SpringMvcExceptionMapper.class,
						JwtExceptionMapper.class, RejectedExecutionExceptionMapper.class, ErrorResponseMapper.class)
				.startsWith(ClientDisconnectMapper.class, ConfiguredExceptionMapper.class, AugnoExceptionMapper.class)
				.endsWith(SpringMvcExceptionMapper.class, JwtExceptionMapper.class,
						RejectedExecutionExceptionMapper.class, ErrorResponseMapper.class);
			assertThat(context.getBean(ErrorRegistry.class).find("not_acceptable")).isNotNull();
			assertThat(context.getBean(ErrorLinks.class)).isEqualTo(
					new ErrorLinks(ErrorLinks.DEFAULT_DOC_BASE_URL, ErrorLinks.DEFAULT_REQUEST_LOG_URL_TEMPLATE));
		});
	}

	@Test
	void replacesBootsErrorControllerAndProblemDetailsHandler() {
		this.contextRunner.withPropertyValues("spring.mvc.problemdetails.enabled=true").run((context) -> {
			// The starter's controller extends Boot's, for the paths outside
			// augno.errors.paths.
			assertThat(context.getBeansOfType(BasicErrorController.class)).containsOnlyKeys("augnoErrorController");
			assertThat(context.getBeansOfType(ErrorController.class)).hasSize(1);
			assertThat(context.getBeansOfType(ResponseEntityExceptionHandler.class))
				.containsOnlyKeys("augnoErrorsExceptionHandler");
		});
	}

	@Test
	void putsTheRequestIdFilterFirst() {
		this.contextRunner.run((context) -> {
			FilterRegistrationBean<?> registration = context.getBean("augnoRequestIdFilter",
					FilterRegistrationBean.class);
			assertThat(registration.getOrder()).isEqualTo(Integer.MIN_VALUE);
		});
		this.contextRunner.withPropertyValues("augno.errors.filter.order=-50").run((context) -> {
			assertThat(context.getBean("augnoRequestIdFilter", FilterRegistrationBean.class).getOrder()).isEqualTo(-50);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("augno.errors.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(ErrorResponseHandler.class)
				.doesNotHaveBean(AugnoErrorsExceptionHandler.class)
				.doesNotHaveBean("augnoRequestIdFilter")
				.hasSingleBean(BasicErrorController.class)
				.doesNotHaveBean(AugnoErrorController.class);
		});
	}

	@Test
	void backsOffOutsideAServletApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(AugnoErrorsAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ErrorResponseHandler.class));
	}

	@Test
	void backsOffForTheUsersOwnBeans() {
		ErrorRegistry registry = ErrorRegistry.standard();
		RequestIdGenerator generator = () -> "fixed";
		this.contextRunner.withBean(ErrorRegistry.class, () -> registry)
			.withBean(RequestIdGenerator.class, () -> generator)
			.withBean("myErrorController", ErrorController.class, () -> new ErrorController() {
			})
			.run((context) -> {
				assertThat(context.getBean(ErrorRegistry.class)).isSameAs(registry);
				assertThat(context.getBean(RequestIdGenerator.class)).isSameAs(generator);
				assertThat(context).doesNotHaveBean(AugnoErrorController.class);
			});
	}

	@Test
	void aUsersMapperJoinsTheChainByItsOrder() {
		ExceptionMapper userMapper = new ExceptionMapper() {
			@Override
			public MappedError map(Throwable throwable) {
				return (throwable instanceof UnsupportedOperationException)
						? MappedError.of(ErrorRegistry.standard().get("resource_gone")) : null;
			}

			@Override
			public int getOrder() {
				return AUGNO_EXCEPTION_ORDER + 1;
			}
		};
		this.contextRunner.withBean("userMapper", ExceptionMapper.class, () -> userMapper).run((context) -> {
			CompositeExceptionMapper chain = context.getBean(CompositeExceptionMapper.class);
			assertThat(chain.getMappers()).element(3).isSameAs(userMapper);
			assertThat(chain.map(new UnsupportedOperationException()).code().code()).isEqualTo("resource_gone");
			assertThat(chain.map(new IllegalStateException()).code().code()).isEqualTo("internal_error");
		});
	}

	@Test
	void registersServiceCodesAndOverridesFromProperties() {
		this.contextRunner.withPropertyValues("augno.errors.codes.ledger_locked.status=503",
				"augno.errors.codes.ledger_locked.message=The ledger is locked.",
				"augno.errors.codes.ledger_locked.transient=true",
				"augno.errors.codes.plan_downgrade_blocked.status=409",
				"augno.errors.codes.plan_downgrade_blocked.type=idempotency_error",
				"augno.errors.codes.plan_downgrade_blocked.message=Not now.",
				"augno.errors.codes.resource_not_found.message=Nothing here.",
				"augno.errors.doc-urls.resource_exists=https://docs.augno.com/api/errors#resource_conflict",
				"augno.errors.doc-base-url=https://docs.example.com/errors", "augno.errors.request-log-url-template=")
			.run((context) -> {
				ErrorRegistry registry = context.getBean(ErrorRegistry.class);
				assertThat(registry.get("ledger_locked").type()).isEqualTo(ErrorType.API_ERROR);
				assertThat(registry.get("ledger_locked").isTransient(ErrorType.API_ERROR)).isTrue();
				assertThat(registry.get("plan_downgrade_blocked").type()).isEqualTo(ErrorType.IDEMPOTENCY_ERROR);
				assertThat(registry.get("plan_downgrade_blocked").isTransient(ErrorType.IDEMPOTENCY_ERROR)).isFalse();
				ErrorFactory factory = context.getBean(ErrorFactory.class);
				assertThat(factory.create(AugnoException.of("resource_not_found"), "rq_1").message())
					.isEqualTo("Nothing here.");
				assertThat(factory.create(AugnoException.of("resource_exists"), "rq_1").docUrl())
					.isEqualTo("https://docs.augno.com/api/errors#resource_conflict");
				assertThat(factory.create(AugnoException.of("timeout"), "rq_1").docUrl())
					.isEqualTo("https://docs.example.com/errors#timeout");
				assertThat(factory.create(AugnoException.of("timeout"), "rq_1").requestLogUrl()).isNull();
			});
	}

	@Test
	void scopesTheErrorHandlingToTheConfiguredPaths() {
		this.contextRunner.withPropertyValues("augno.errors.paths=/api/**,/v1/**").run((context) -> {
			ErrorResponseDecision decision = context.getBean(ErrorResponseHandler.class).getDecision();
			assertThat(decision).isSameAs(context.getBean(ErrorResponseDecision.class));
			assertThat(decision.isEnveloped(new MockHttpServletRequest("GET", "/v1/items"))).isTrue();
			assertThat(decision.isEnveloped(new MockHttpServletRequest("GET", "/owners"))).isFalse();
		});
	}

	@Test
	void failsStartupOnAMalformedPath() {
		this.contextRunner.withPropertyValues("augno.errors.paths=/api/{oops")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("augno.errors.paths: "));
	}

	@Test
	void failsStartupOnAStatusOverrideOfABuiltInCode() {
		this.contextRunner.withPropertyValues("augno.errors.codes.resource_not_found.status=410")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("augno.errors.codes.resource_not_found")
				.hasStackTraceContaining("only its message can be overridden"));
	}

	@Test
	void failsStartupOnAServiceCodeWithoutStatusOrWithAnInvalidName() {
		this.contextRunner.withPropertyValues("augno.errors.codes.ledger_locked.message=Locked.")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining(
						"augno.errors.codes.ledger_locked.status: a service-defined code needs a status"));
		this.contextRunner
			.withPropertyValues("augno.errors.codes.LedgerLocked.status=423",
					"augno.errors.codes.LedgerLocked.message=Locked.")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("^[a-z][a-z0-9_]*$"));
	}

	@Test
	void failsStartupOnAnUnknownCodeOrClassInExceptionMappings() {
		this.contextRunner
			.withPropertyValues("augno.errors.exceptions[java.lang.IllegalStateException]=resource_notfound")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("did you mean 'resource_not_found'"));
		this.contextRunner.withPropertyValues("augno.errors.exceptions[com.example.Missing]=timeout")
			.run((context) -> assertThat(context).getFailure().hasStackTraceContaining("no class com.example.Missing"));
		this.contextRunner.withPropertyValues("augno.errors.doc-urls.resource_notfound=https://x")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("augno.errors.doc-urls.resource_notfound"));
	}

	@Test
	void mapsConfiguredExceptionClassesIncludingSubclasses() {
		this.contextRunner
			.withPropertyValues("augno.errors.exceptions[java.lang.IllegalStateException]=timeout",
					"augno.errors.exceptions.java.util.NoSuchElementException=resource_not_found")
			.run((context) -> {
				CompositeExceptionMapper chain = context.getBean(CompositeExceptionMapper.class);
				assertThat(chain.map(new IllegalStateException()).code().code()).isEqualTo("timeout");
				assertThat(chain.map(new java.util.InputMismatchException()).code().code())
					.isEqualTo("resource_not_found");
			});
	}

	@Test
	void logsOneStackTracePerFailureAndMinuteByDefault(CapturedOutput output) {
		this.contextRunner.run((context) -> logTheSameFailureTwice(context.getBean(ErrorLogger.class)));
		assertThat(output.getOut().lines().filter((line) -> line.startsWith("java.lang.IllegalStateException: storm")))
			.hasSize(1);
		assertThat(output).contains("(repeat 1 since its stack trace was logged at ");
	}

	@Test
	void logsEveryStackTraceWhenTheStackTraceIntervalIsZero(CapturedOutput output) {
		this.contextRunner.withPropertyValues("augno.errors.logging.stack-trace-interval=0")
			.run((context) -> logTheSameFailureTwice(context.getBean(ErrorLogger.class)));
		assertThat(output.getOut().lines().filter((line) -> line.startsWith("java.lang.IllegalStateException: storm")))
			.hasSize(2);
		assertThat(output).doesNotContain("(repeat ");
	}

	@Test
	void logsTheStackTraceOfALibrarysFailureForEachApplicationPlaceThatCalledIt(CapturedOutput output) {
		this.contextRunner
			.withInitializer((context) -> AutoConfigurationPackages
				.register((BeanDefinitionRegistry) context.getBeanFactory(), getClass().getPackageName()))
			.run((context) -> logALibrarysFailureFromTwoPlaces(context.getBean(ErrorLogger.class)));
		assertThat(output.getOut().lines().filter((line) -> line.startsWith("java.lang.IllegalArgumentException: ")))
			.hasSize(2);
		assertThat(output).doesNotContain("(repeat ");
	}

	@Test
	void groupsALibrarysFailureByItsFirstFrameWithoutAutoConfigurationPackages(CapturedOutput output) {
		this.contextRunner.run((context) -> logALibrarysFailureFromTwoPlaces(context.getBean(ErrorLogger.class)));
		assertThat(output.getOut().lines().filter((line) -> line.startsWith("java.lang.IllegalArgumentException: ")))
			.hasSize(1);
		assertThat(output).contains("(repeat 1 since its stack trace was logged at ");
	}

	@Test
	void failsStartupOnANegativeStackTraceInterval() {
		this.contextRunner.withPropertyValues("augno.errors.logging.stack-trace-interval=-1s")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("augno.errors.logging.stack-trace-interval: must be zero or positive"));
	}

	@Test
	void sanitizesExceptionMessagesInATextLog(CapturedOutput output) {
		this.contextRunner.run((context) -> logAMultiLineFailure(context.getBean(ErrorLogger.class)));
		assertThat(output).contains("SanitizedFailure: java.lang.IllegalStateException: boom?second line");
	}

	@Test
	void logsTheOriginalFailureWhenBootsStructuredLoggingFormatsTheConsole(CapturedOutput output) {
		this.contextRunner.withPropertyValues("logging.structured.format.console=ecs")
			.run((context) -> logAMultiLineFailure(context.getBean(ErrorLogger.class)));
		assertThat(output).doesNotContain("SanitizedFailure")
			.contains("java.lang.IllegalStateException: boom" + System.lineSeparator() + "second line");
	}

	@Test
	void sanitizesExceptionMessagesWhenTheLogFileIsNotStructured(CapturedOutput output) {
		this.contextRunner.withPropertyValues("logging.structured.format.console=ecs", "logging.file.name=app.log")
			.run((context) -> logAMultiLineFailure(context.getBean(ErrorLogger.class)));
		assertThat(output).contains("SanitizedFailure: java.lang.IllegalStateException: boom?second line");
	}

	@Test
	void logsTheOriginalFailureWhenBootsStructuredLoggingFormatsTheConsoleAndTheFile(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("logging.structured.format.console=ecs", "logging.structured.format.file=logstash",
					"logging.file.path=logs")
			.run((context) -> logAMultiLineFailure(context.getBean(ErrorLogger.class)));
		assertThat(output).doesNotContain("SanitizedFailure");
	}

	@Test
	void sanitizesExceptionMessagesWhenOnlyTheFileIsStructured(CapturedOutput output) {
		this.contextRunner.withPropertyValues("logging.structured.format.file=logstash", "logging.file.name=app.log")
			.run((context) -> logAMultiLineFailure(context.getBean(ErrorLogger.class)));
		assertThat(output).contains("SanitizedFailure");
	}

	@Test
	void logsTheOriginalFailureWhenExceptionMessagesAreNotToBeSanitized(CapturedOutput output) {
		// An application whose own logback.xml writes JSON.
		this.contextRunner.withPropertyValues("augno.errors.logging.sanitize-exception-messages=false")
			.run((context) -> logAMultiLineFailure(context.getBean(ErrorLogger.class)));
		assertThat(output).doesNotContain("SanitizedFailure");
	}

	@Test
	void sanitizesExceptionMessagesWhenToldToUnderStructuredLogging(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("logging.structured.format.console=ecs",
					"augno.errors.logging.sanitize-exception-messages=true")
			.run((context) -> logAMultiLineFailure(context.getBean(ErrorLogger.class)));
		assertThat(output).contains("SanitizedFailure");
	}

	private static void logAMultiLineFailure(ErrorLogger logger) {
		AugnoError error = new AugnoError("internal_error", ErrorType.API_ERROR, "Something went wrong.", null,
				"https://docs.augno.com/api/errors#internal_error", false, null, null);
		logger.log("GET", "/items/it_crash", "rq_0", 500, error, new IllegalStateException("boom\nsecond line"));
	}

	@Test
	void sendsTheConfiguredRetryAfterWithAnAsyncTimeout() {
		AsyncRequestTimeoutException timeout = new AsyncRequestTimeoutException();
		this.contextRunner.withPropertyValues("augno.errors.request-timeout-retry-after=2500ms")
			.run((context) -> assertThat(
					context.getBean(CompositeExceptionMapper.class).map(timeout).headers().get("Retry-After"))
				.containsExactly("3"));
		this.contextRunner.withPropertyValues("augno.errors.request-timeout-retry-after=0")
			.run((context) -> assertThat(
					context.getBean(CompositeExceptionMapper.class).map(timeout).headers().get("Retry-After"))
				.isNull());
		this.contextRunner
			.withPropertyValues(
					"augno.errors.exceptions[" + AsyncRequestTimeoutException.class.getName() + "]=service_unavailable")
			.run((context) -> assertThat(context.getBean(CompositeExceptionMapper.class).map(timeout).code().code())
				.isEqualTo("service_unavailable"));
		this.contextRunner.withPropertyValues("augno.errors.request-timeout-retry-after=-1s")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("augno.errors.request-timeout-retry-after: must be zero or positive"));
	}

	@Test
	void logsRequestTimeoutsAtTheConfiguredLevel(CapturedOutput output) {
		AugnoError timeout = new AugnoError("request_timeout", ErrorType.API_ERROR, "Request timed out.", null,
				"https://docs.augno.com/api/errors#request_timeout", true, null, null);
		this.contextRunner
			.run((context) -> context.getBean(ErrorLogger.class).log("GET", "/items/slow", null, 408, timeout, null));
		this.contextRunner.withPropertyValues("augno.errors.logging.request-timeout=error")
			.run((context) -> context.getBean(ErrorLogger.class).log("GET", "/items/slow", null, 408, timeout, null));
		assertThat(output.getOut().lines().filter((line) -> line.contains("408 request_timeout for GET /items/slow")))
			.satisfiesExactly((line) -> assertThat(line).contains(" WARN "),
					(line) -> assertThat(line).contains(" ERROR "));
	}

	@Test
	void logsClientErrorsOfDataAccessAtTheConfiguredLevel(CapturedOutput output) {
		AugnoError exists = new AugnoError("resource_exists", ErrorType.INVALID_REQUEST_ERROR,
				"The resource already exists.", null, "https://docs.augno.com/api/errors#resource_exists", false, null,
				null);
		DuplicateKeyException duplicate = new DuplicateKeyException("duplicate key");
		this.contextRunner.run((context) -> context.getBean(ErrorLogger.class)
			.log("POST", "/customers", null, 409, exists, duplicate));
		this.contextRunner.withPropertyValues("augno.errors.logging.data-access-client-error=error")
			.run((context) -> context.getBean(ErrorLogger.class)
				.log("POST", "/customers", null, 409, exists, duplicate));
		assertThat(output.getOut().lines().filter((line) -> line.contains("409 resource_exists for POST /customers")))
			.satisfiesExactly((line) -> assertThat(line).contains(" WARN "),
					(line) -> assertThat(line).contains(" ERROR "));
	}

	@Test
	void logsSecurityAlertsAtTheConfiguredLevel(CapturedOutput output) {
		AugnoError invalid = new AugnoError("invalid_credentials", ErrorType.INVALID_REQUEST_ERROR,
				"The provided credentials are incorrect.", null,
				"https://docs.augno.com/api/errors#invalid_credentials", false, null, null);
		CookieTheftException theft = new CookieTheftException("Implies previous cookie theft attack.");
		this.contextRunner
			.run((context) -> context.getBean(ErrorLogger.class).log("GET", "/account", null, 401, invalid, theft));
		this.contextRunner.withPropertyValues("augno.errors.logging.security-alert=error")
			.run((context) -> context.getBean(ErrorLogger.class).log("GET", "/account", null, 401, invalid, theft));
		assertThat(output.getOut().lines().filter((line) -> line.contains("401 invalid_credentials for GET /account")))
			.satisfiesExactly((line) -> assertThat(line).contains(" WARN "),
					(line) -> assertThat(line).contains(" ERROR "));
	}

	private static void logTheSameFailureTwice(ErrorLogger logger) {
		AugnoError error = new AugnoError("internal_error", ErrorType.API_ERROR, "Something went wrong.", null,
				"https://docs.augno.com/api/errors#internal_error", false, null, null);
		for (int i = 0; i < 2; i++) {
			logger.log("GET", "/items/it_crash", "rq_" + i, 500, error, new IllegalStateException("storm"));
		}
	}

	private static void logALibrarysFailureFromTwoPlaces(ErrorLogger logger) {
		AugnoError error = new AugnoError("internal_error", ErrorType.API_ERROR, "Something went wrong.", null,
				"https://docs.augno.com/api/errors#internal_error", false, null, null);
		logger.log("GET", "/owners", "rq_owners", 500, error, pageOfOwners());
		logger.log("GET", "/vets", "rq_vets", 500, error, pageOfVets());
	}

	private static IllegalArgumentException pageOfOwners() {
		try {
			Assert.isTrue(false, "Page index must not be less than zero");
			throw new AssertionError("asserted");
		}
		catch (IllegalArgumentException ex) {
			return ex;
		}
	}

	private static IllegalArgumentException pageOfVets() {
		try {
			Assert.isTrue(false, "Page index must not be less than zero");
			throw new AssertionError("asserted");
		}
		catch (IllegalArgumentException ex) {
			return ex;
		}
	}

	@Test
	void worksWithoutBeanValidation() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ConstraintViolationException.class))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(ConstraintViolationExceptionMapper.class);
				assertThat(context).hasSingleBean(ValidationExceptionMapper.class);
			});
	}

}
