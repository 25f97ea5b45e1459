package com.augno.errors.spring.autoconfigure;

import java.util.List;

import com.augno.errors.ErrorRegistry;
import com.augno.errors.spring.codes.ErrorCodeScanner;
import com.augno.errors.spring.codes.ErrorCodeVerifier;
import com.augno.errors.spring.properties.AugnoErrorsProperties.VerifyCodes;
import com.augno.errors.spring.properties.AugnoErrorsProperties;
import com.augno.errors.spring.servlet.DeclaredErrorCodesVerifier;

import org.springframework.beans.factory.BeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurationPackages;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;
import org.springframework.web.servlet.mvc.method.RequestMappingInfoHandlerMapping;

/**
 * Auto-configuration of the startup check that the application's own classes pass only
 * registered codes to {@code AugnoException.of} ({@code augno.errors.verify-codes}), and
 * that handlers declare only registered codes with {@code @PossibleErrors}.
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

	/**
	 * The codes handlers declare with {@code @PossibleErrors}: always checked, since a
	 * declaration is read only to publish the contract, where an unknown code would lie.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
	static class DeclaredErrorCodesConfiguration {

		@Bean
		@ConditionalOnMissingBean
		DeclaredErrorCodesVerifier augnoDeclaredErrorCodesVerifier(ErrorRegistry registry,
				ObjectProvider<RequestMappingInfoHandlerMapping> handlerMappings) {
			return new DeclaredErrorCodesVerifier(registry, handlerMappings);
		}

	}

}
