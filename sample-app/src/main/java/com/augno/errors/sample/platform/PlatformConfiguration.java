package com.augno.errors.sample.platform;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Registers the sample's cross-cutting checks: account status (rate limits and
 * idempotency keys are the starter's, see application.properties and
 * {@link ApiKeyRateLimits}).
 */
@Configuration(proxyBeanMethods = false)
class PlatformConfiguration implements WebMvcConfigurer {

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AccountStatusInterceptor()).addPathPatterns("/v1/**");
	}

}
