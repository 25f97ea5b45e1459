package com.augno.errors.spring.autoconfigure;

import com.augno.errors.spring.data.DataAccessExceptionMapper;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataAccessException;

/**
 * Auto-configuration of the mapper for Spring's data access and transaction failures,
 * when spring-tx is on the classpath, on either web stack.
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

}
