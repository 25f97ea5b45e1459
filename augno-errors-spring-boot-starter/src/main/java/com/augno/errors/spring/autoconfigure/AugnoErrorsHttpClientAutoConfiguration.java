package com.augno.errors.spring.autoconfigure;

import com.augno.errors.spring.client.RestClientExceptionMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.client.RestClientException;

/**
 * Auto-configuration of the mapper for failed downstream calls made with Spring's
 * blocking HTTP clients.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AugnoErrorsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass(RestClientException.class)
@ConditionalOnBooleanProperty(name = "augno.errors.enabled", matchIfMissing = true)
public final class AugnoErrorsHttpClientAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	RestClientExceptionMapper augnoRestClientExceptionMapper() {
		return new RestClientExceptionMapper();
	}

}
