package com.augno.errors.spring.security;

import com.augno.errors.spring.autoconfigure.AugnoErrorsAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsFormatAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsReactiveAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsReactiveSecurityAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsSecurityAutoConfiguration;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import com.augno.errors.spring.reactive.AugnoErrorWebExceptionHandler;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.WebFilter;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link AugnoErrorsReactiveSecurityAutoConfiguration} applies and when it backs
 * off.
 */
class AugnoErrorsReactiveSecurityAutoConfigurationTests {

	private static final AutoConfigurations STARTER = AutoConfigurations.of(JacksonAutoConfiguration.class,
			AugnoErrorsAutoConfiguration.class, AugnoErrorsFormatAutoConfiguration.class,
			AugnoErrorsReactiveAutoConfiguration.class, AugnoErrorsSecurityAutoConfiguration.class,
			AugnoErrorsReactiveSecurityAutoConfiguration.class);

	private final ReactiveWebApplicationContextRunner contextRunner = new ReactiveWebApplicationContextRunner()
		.withConfiguration(STARTER);

	@Test
	void anApplicationsOwnHandlerAndWebFilterStillInjectByTheirType() {
		this.contextRunner.withUserConfiguration(OwnHandlers.class).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(AugnoServerAccessDeniedHandler.class);
			OwnHandlers.Consumer consumer = context.getBean(OwnHandlers.Consumer.class);
			assertThat(consumer.accessDeniedHandler()).isSameAs(context.getBean("ownAccessDeniedHandler"));
			assertThat(consumer.webFilter()).isSameAs(context.getBean("ownWebFilter"));
		});
	}

	@Test
	void definesTheHandlerTheCustomizerTheFilterAndTheMappers() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed()
				.hasSingleBean(AugnoServerAccessDeniedHandler.class)
				.hasSingleBean(AugnoServerExceptionHandlingCustomizer.class)
				.hasSingleBean(EntryPointEnvelopeWebFilter.class)
				.hasBean("augnoSecurityPassedMarker")
				.hasSingleBean(SecurityExceptionMapper.class)
				.hasSingleBean(BearerTokenExceptionMapper.class)
				.doesNotHaveBean(AugnoAuthenticationEntryPoint.class);
			assertThat(context.getBean(CompositeExceptionMapper.class)
				.map(new UsernameNotFoundException("nobody"))
				.code()
				.code()).isEqualTo("invalid_credentials");
		});
	}

	@Test
	void backsOffForTheApplicationsOwnAccessDeniedHandler() {
		this.contextRunner
			.withBean("myHandler", AugnoServerAccessDeniedHandler.class, () -> new AugnoServerAccessDeniedHandler(null))
			.run((context) -> assertThat(context).getBean(AugnoServerAccessDeniedHandler.class)
				.isSameAs(context.getBean("myHandler")));
	}

	@Test
	void backsOffWithoutReactiveSpringSecurityOrWhenDisabled() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(ServerHttpSecurity.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(AugnoErrorWebExceptionHandler.class)
				.doesNotHaveBean(EntryPointEnvelopeWebFilter.class));
		this.contextRunner.withPropertyValues("augno.errors.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(EntryPointEnvelopeWebFilter.class));
	}

	@Test
	void configuresNothingInAServletApplication() {
		new WebApplicationContextRunner().withConfiguration(STARTER)
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(EntryPointEnvelopeWebFilter.class)
				.doesNotHaveBean(AugnoServerAccessDeniedHandler.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnHandlers {

		@Bean
		ServerAccessDeniedHandler ownAccessDeniedHandler() {
			return (exchange, denied) -> Mono.empty();
		}

		@Bean
		WebFilter ownWebFilter() {
			return (exchange, chain) -> chain.filter(exchange);
		}

		@Bean
		Consumer consumer(ServerAccessDeniedHandler accessDeniedHandler, WebFilter webFilter) {
			return new Consumer(accessDeniedHandler, webFilter);
		}

		record Consumer(ServerAccessDeniedHandler accessDeniedHandler, WebFilter webFilter) {
		}

	}

}
