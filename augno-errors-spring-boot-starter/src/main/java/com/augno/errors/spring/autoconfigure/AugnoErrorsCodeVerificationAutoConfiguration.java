package com.augno.errors.spring.autoconfigure;

import java.util.List;

import com.augno.errors.ErrorRegistry;
import com.augno.errors.spring.codes.ErrorCodeScanner;
import com.augno.errors.spring.codes.ErrorCodeVerifier;
import com.augno.errors.spring.properties.AugnoErrorsProperties;
import com.augno.errors.spring.properties.AugnoErrorsProperties.VerifyCodes;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ResourceLoader;

/**
 * Auto-configuration of the startup check that the application's own classes pass only
 * registered codes to {@code AugnoException.of} ({@code augno.errors.verify-codes}).
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AugnoErrorsAutoConfiguration.class)
@ConditionalOnBean({ ErrorRegistry.class, AugnoErrorsProperties.class })
public final class AugnoErrorsCodeVerificationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ErrorCodeVerifier augnoErrorCodeVerifier(ErrorRegistry registry, AugnoErrorsProperties properties,
			BeanFactory beanFactory, ResourceLoader resourceLoader) {
		VerifyCodes mode = properties.getVerifyCodes();
		// Without auto-configuration packages (a hand-built context) there is nothing of
		// the application's own to read.
		List<String> packages = (mode != VerifyCodes.OFF && AutoConfigurationPackages.has(beanFactory))
				? AutoConfigurationPackages.get(beanFactory) : List.of();
		return new ErrorCodeVerifier(registry, new ErrorCodeScanner(resourceLoader.getClassLoader()), packages,
				mode == VerifyCodes.FAIL);
	}

}
