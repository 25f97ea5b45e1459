package com.augno.errors.sample.platform;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the sample's cross-cutting checks: account status and idempotency (rate
 * limits are the starter's, see {@link ApiKeyRateLimits}).
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration implements WebMvcConfigurer {

	private final ApiKeys apiKeys;

	PlatformConfiguration(ApiKeys apiKeys) {
		this.apiKeys = apiKeys;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AccountStatusInterceptor()).addPathPatterns("/v1/**");
	}

	@Bean
	FilterRegistrationBean<IdempotencyFilter> idempotencyFilter() {
		FilterRegistrationBean<IdempotencyFilter> registration = new FilterRegistrationBean<>(new IdempotencyFilter());
		registration.addUrlPatterns("/v1/*");
		return registration;
	}

}
