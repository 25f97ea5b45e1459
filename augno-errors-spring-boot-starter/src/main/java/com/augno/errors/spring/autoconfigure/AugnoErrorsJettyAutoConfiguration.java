package com.augno.errors.spring.autoconfigure;

import com.augno.errors.ErrorFactory;
import com.augno.errors.spring.format.ErrorFormats;
import com.augno.errors.spring.format.ErrorMessages;
import com.augno.errors.spring.jetty.AugnoErrorsJettyCustomizer;
import com.augno.errors.spring.jetty.AugnoJettyErrorHandler;
import com.augno.errors.spring.properties.AugnoErrorsProperties;
import com.augno.errors.spring.servlet.ErrorResponseHandler;
import com.augno.errors.spring.web.RequestIdGenerator;
import org.eclipse.jetty.server.Server;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.jetty.servlet.JettyServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Fallback;

/**
 * Auto-configuration of Jetty's equivalents of the Tomcat valves: the envelope for
 * requests Jetty rejects itself, and 499 in Jetty's request log for clients that went
 * away.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AugnoErrorsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ Server.class, JettyServletWebServerFactory.class })
@ConditionalOnBooleanProperty(name = "augno.errors.enabled", matchIfMissing = true)
@ConditionalOnBean(ErrorResponseHandler.class)
public final class AugnoErrorsJettyAutoConfiguration {

	@Bean
	@Fallback
	@ConditionalOnMissingBean
	AugnoErrorsJettyCustomizer augnoErrorsJettyCustomizer(ErrorFactory errorFactory,
			RequestIdGenerator requestIdGenerator, AugnoErrorsProperties properties,
			ObjectProvider<ErrorFormats> formats, ObjectProvider<ErrorMessages> messages) {
		return new AugnoErrorsJettyCustomizer(new AugnoJettyErrorHandler(errorFactory, requestIdGenerator,
				properties.getRequestId().getResponseHeader(), formats.getIfAvailable(ErrorFormats::augno),
				messages.getIfAvailable(() -> new ErrorMessages(null, errorFactory.registry()))));
	}

}
