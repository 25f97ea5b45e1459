package com.augno.errors.sample.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the sample's cross-cutting checks: rate limits and account status
 * (idempotency keys are the starter's, see application.properties).
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration implements WebMvcConfigurer {

	private final ApiKeys apiKeys;

	PlatformConfiguration(ApiKeys apiKeys) {
		this.apiKeys = apiKeys;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new RateLimitInterceptor(this.apiKeys)).addPathPatterns("/v1/**");
		registry.addInterceptor(new AccountStatusInterceptor()).addPathPatterns("/v1/**");
	}

}
