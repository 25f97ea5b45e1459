package com.augno.errors.spring.security;

import com.augno.errors.spring.autoconfigure.AugnoErrorsAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsSecurityAutoConfiguration;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import com.augno.errors.spring.servlet.ErrorPageScope;
import com.augno.errors.spring.servlet.ErrorResponseHandler;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.firewall.CompositeRequestRejectedHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link AugnoErrorsSecurityAutoConfiguration} applies and when it backs off.
 */
class AugnoErrorsSecurityAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, AugnoErrorsAutoConfiguration.class,
				AugnoErrorsSecurityAutoConfiguration.class));

	@Test
	void definesTheHandlersTheCustomizerAndTheMappers() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(AugnoAuthenticationEntryPoint.class)
				.hasSingleBean(AugnoAccessDeniedHandler.class)
				.hasSingleBean(AugnoExceptionHandlingCustomizer.class)
				.hasSingleBean(AuthenticationFailureRecorder.class)
				.hasBean("augnoAuthenticationEntryPoint")
				.hasBean("augnoAccessDeniedHandler");
			assertThat(context.getBean(CompositeExceptionMapper.class).getMappers()).extracting(Object::getClass)
				.containsSubsequence(BearerTokenExceptionMapper.class, SecurityExceptionMapper.class);
		});
	}

	@Test
	void restoresTheSignedInUserOnErrorPages() {
		this.contextRunner.run((context) -> assertThat(context).getBean(ErrorPageScope.class)
			.isInstanceOf(SecurityContextErrorPageScope.class));
	}

	@Test
	void backsOffForTheApplicationsOwnErrorPageScope() {
		this.contextRunner.withBean("ownScope", ErrorPageScope.class, () -> ErrorPageScope.NONE)
			.run((context) -> assertThat(context).hasSingleBean(ErrorPageScope.class)
				.doesNotHaveBean(SecurityContextErrorPageScope.class));
	}

	@Test
	void anApplicationsOwnHandlersStillInjectByTheirType() {
		this.contextRunner.withUserConfiguration(OwnHandlers.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(AugnoAccessDeniedHandler.class);
			OwnHandlers.Consumer consumer = context.getBean(OwnHandlers.Consumer.class);
			assertThat(consumer.accessDeniedHandler()).isSameAs(context.getBean("ownAccessDeniedHandler"));
			assertThat(consumer.entryPoint()).isSameAs(context.getBean("ownEntryPoint"));
		});
	}

	@Test
	void isConditionalOnSpringSecurityAndTheStarterStillStarts() {
		this.contextRunner.withClassLoader(new FilteredClassLoader("org.springframework.security")).run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(ErrorResponseHandler.class)
				.doesNotHaveBean("augnoAuthenticationEntryPoint")
				.doesNotHaveBean("augnoAccessDeniedHandler")
				.doesNotHaveBean("augnoExceptionHandlingCustomizer")
				.doesNotHaveBean("augnoSecurityExceptionMapper")
				.doesNotHaveBean("augnoRequestRejectedHandler")
				.doesNotHaveBean(ErrorPageScope.class);
		});
	}

	@Test
	void leavesOutTheBearerTokenMapperWithoutTheResourceServer() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(InvalidBearerTokenException.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(SecurityExceptionMapper.class)
				.hasSingleBean(AugnoAuthenticationEntryPoint.class)
				.doesNotHaveBean(BearerTokenExceptionMapper.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withPropertyValues("augno.errors.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ErrorResponseHandler.class)
				.doesNotHaveBean(AugnoAuthenticationEntryPoint.class)
				.doesNotHaveBean(SecurityExceptionMapper.class));
	}

	@Test
	void backsOffOutsideAServletApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, AugnoErrorsAutoConfiguration.class,
					AugnoErrorsSecurityAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(AugnoAuthenticationEntryPoint.class));
	}

	@Test
	void answersTheFirewallsRejectionsWithoutObservations() {
		this.contextRunner.run((context) -> assertThat(context.getBean(RequestRejectedHandler.class))
			.isInstanceOf(AugnoRequestRejectedHandler.class));
	}

	@Test
	void marksTheFirewallsRejectionsOnTheObservationAsSpringSecurityDoes() {
		this.contextRunner.withBean(ObservationRegistry.class, AugnoErrorsSecurityAutoConfigurationTests::observing)
			.run((context) -> assertThat(context.getBean(RequestRejectedHandler.class))
				.isInstanceOf(CompositeRequestRejectedHandler.class));
	}

	@Test
	void backsOffForTheApplicationsOwnRequestRejectedHandler() {
		this.contextRunner
			.withBean("ownRejectedHandler", RequestRejectedHandler.class,
					() -> (request, response, ex) -> response.sendError(400))
			.run((context) -> assertThat(context.getBean(RequestRejectedHandler.class))
				.isSameAs(context.getBean("ownRejectedHandler")));
	}

	@Test
	void backsOffForTheApplicationsOwnSecurityMapper() {
		this.contextRunner.withUserConfiguration(OwnMapperConfiguration.class)
			.run((context) -> assertThat(context.getBean(SecurityExceptionMapper.class))
				.isSameAs(context.getBean("ownMapper")));
	}

	private static ObservationRegistry observing() {
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler((context) -> true);
		return registry;
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnMapperConfiguration {

		@Bean
		SecurityExceptionMapper ownMapper() {
			return new SecurityExceptionMapper((throwable) -> null);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class OwnHandlers {

		@Bean
		AccessDeniedHandler ownAccessDeniedHandler() {
			return (request, response, ex) -> response.sendError(403);
		}

		@Bean
		AuthenticationEntryPoint ownEntryPoint() {
			return (request, response, ex) -> response.sendError(401);
		}

		@Bean
		Consumer consumer(AccessDeniedHandler accessDeniedHandler, AuthenticationEntryPoint entryPoint) {
			return new Consumer(accessDeniedHandler, entryPoint);
		}

		record Consumer(AccessDeniedHandler accessDeniedHandler, AuthenticationEntryPoint entryPoint) {
		}

	}

}
