package com.augno.errors.spring.autoconfigure;

import com.augno.errors.spring.data.DataAccessExceptionMapper;
import com.augno.errors.spring.data.SortPropertyExceptionMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.dao.DataAccessException;
import org.springframework.data.core.PropertyReferenceException;

/**
 * Auto-configuration of the mapper for Spring's data access and transaction failures,
 * when spring-tx is on the classpath, on either web stack, and on Spring MVC of the
 * mapper for a sort parameter naming a property Spring Data does not know.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AugnoErrorsAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnClass(DataAccessException.class)
@ConditionalOnBooleanProperty(name = "augno.errors.enabled", matchIfMissing = true)
public final class AugnoErrorsDataAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	DataAccessExceptionMapper augnoDataAccessExceptionMapper() {
		return new DataAccessExceptionMapper();
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(PropertyReferenceException.class)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class SortPropertyConfiguration {

		@Bean
		@ConditionalOnMissingBean
		SortPropertyExceptionMapper augnoSortPropertyExceptionMapper(Environment environment) {
			return new SortPropertyExceptionMapper(
					environment.getProperty("spring.data.web.sort.sort-parameter", "sort"));
		}

	}

}
