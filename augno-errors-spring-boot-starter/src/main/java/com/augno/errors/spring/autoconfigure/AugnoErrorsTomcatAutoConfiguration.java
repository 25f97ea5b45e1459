package com.augno.errors.spring.autoconfigure;

import com.augno.errors.spring.servlet.ErrorResponseHandler;
import com.augno.errors.spring.tomcat.AugnoErrorsTomcatCustomizer;
import com.augno.errors.spring.tomcat.TomcatMultipartExceptionMapper;
import org.apache.catalina.startup.Tomcat;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Fallback;

/**
 * Auto-configuration of the Tomcat valves: the envelope for requests Tomcat rejects
 * itself, 499 in the access log for clients that went away, and the abort of a response
 * that fails after commit; and of the mapper for multipart bodies Tomcat cannot parse.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = AugnoErrorsAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnClass({ Tomcat.class, TomcatServletWebServerFactory.class })
@ConditionalOnBooleanProperty(name = "augno.errors.enabled", matchIfMissing = true)
@ConditionalOnBean(ErrorResponseHandler.class)
public final class AugnoErrorsTomcatAutoConfiguration {

	@Bean
	@Fallback
	@ConditionalOnMissingBean
	AugnoErrorsTomcatCustomizer augnoErrorsTomcatCustomizer(ErrorResponseHandler handler) {
		return new AugnoErrorsTomcatCustomizer(handler);
	}

	@Bean
	@ConditionalOnMissingBean
	TomcatMultipartExceptionMapper augnoTomcatMultipartExceptionMapper() {
		return new TomcatMultipartExceptionMapper();
	}

}
