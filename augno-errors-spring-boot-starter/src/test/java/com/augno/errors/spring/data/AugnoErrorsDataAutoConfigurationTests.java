package com.augno.errors.spring.data;

import com.augno.errors.spring.autoconfigure.AugnoErrorsAutoConfiguration;
import com.augno.errors.spring.autoconfigure.AugnoErrorsDataAutoConfiguration;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import com.augno.errors.spring.mapping.MappedError;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ReactiveWebApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.dao.DataAccessException;
import org.springframework.data.core.PropertyPath;
import org.springframework.data.core.PropertyReferenceException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
	void mapsUnknownSortPropertiesOnSpringMvc() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(SortPropertyExceptionMapper.class)
				.hasBean("augnoSortPropertyExceptionMapper");
			assertThat(context.getBean(CompositeExceptionMapper.class).getMappers())
				.contains(context.getBean(SortPropertyExceptionMapper.class));
		});
	}

	@Test
	void readsTheSortParameterSpringBootConfigures() {
		this.runner.withPropertyValues("spring.data.web.sort.sort-parameter=order").run((context) -> {
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/accounts");
			request.addParameter("order", "nope");
			RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
			try {
				MappedError mapped = context.getBean(SortPropertyExceptionMapper.class)
					.map(catchThrowableOfType(PropertyReferenceException.class,
							() -> PropertyPath.from("nope", SortPropertyExceptionMapperTests.Account.class)));
				assertThat(mapped).isNotNull();
				assertThat(mapped.param()).isEqualTo("order");
			}
			finally {
				RequestContextHolder.resetRequestAttributes();
			}
		});
	}

	@Test
	void mapsNoSortPropertiesOnWebFlux() {
		new ReactiveWebApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(AugnoErrorsAutoConfiguration.class, AugnoErrorsDataAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(DataAccessExceptionMapper.class)
				.doesNotHaveBean(SortPropertyExceptionMapper.class));
	}

	@Test
	void mapsNoSortPropertiesWithoutSpringData() {
		this.runner.withClassLoader(new FilteredClassLoader(PropertyReferenceException.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(DataAccessExceptionMapper.class)
				.doesNotHaveBean(SortPropertyExceptionMapper.class));
	}

	@Test
	void backsOffWhenUserDefinesTheSortPropertyMapper() {
		SortPropertyExceptionMapper own = new SortPropertyExceptionMapper("order");
		this.runner.withBean("ownSortMapper", SortPropertyExceptionMapper.class, () -> own)
			.run((context) -> assertThat(context).getBean(SortPropertyExceptionMapper.class).isSameAs(own));
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
