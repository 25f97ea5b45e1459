package com.augno.errors.spring.data;

import com.augno.errors.spring.autoconfigure.AugnoErrorsAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsDataAutoConfiguration;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.dao.DataAccessException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When {@link AugnoErrorsDataAutoConfiguration} applies.
 */
class AugnoErrorsDataAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(AugnoErrorsAutoConfiguration.class, AugnoErrorsDataAutoConfiguration.class));

	@Test
	void joinsTheMapperChainByDefault() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(DataAccessExceptionMapper.class)
				.hasBean("augnoDataAccessExceptionMapper");
			assertThat(context.getBean(CompositeExceptionMapper.class).getMappers())
				.contains(context.getBean(DataAccessExceptionMapper.class));
		});
	}

	@Test
	void isConditionalOnSpringTx() {
		this.runner.withClassLoader(new FilteredClassLoader(DataAccessException.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(CompositeExceptionMapper.class)
				.doesNotHaveBean(DataAccessExceptionMapper.class));
	}

	@Test
	void backsOffWhenDisabled() {
		this.runner.withPropertyValues("augno.errors.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(DataAccessExceptionMapper.class));
	}

	@Test
	void backsOffWhenUserDefinesTheMapper() {
		DataAccessExceptionMapper own = new DataAccessExceptionMapper();
		this.runner.withBean("ownMapper", DataAccessExceptionMapper.class, () -> own)
			.run((context) -> assertThat(context).getBean(DataAccessExceptionMapper.class).isSameAs(own));
	}

}
