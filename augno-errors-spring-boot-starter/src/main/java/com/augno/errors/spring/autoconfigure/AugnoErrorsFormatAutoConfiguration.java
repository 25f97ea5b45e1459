package com.augno.errors.spring.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import com.augno.errors.ErrorRegistry;
import com.augno.errors.spring.format.AugnoErrorFormat;
import com.augno.errors.spring.format.ErrorFormat;
import com.augno.errors.spring.format.ErrorFormats;
import com.augno.errors.spring.format.ErrorMessages;
import com.augno.errors.spring.format.ProblemDetailsErrorFormat;
import com.augno.errors.spring.properties.AugnoErrorsFormatProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the formats error responses are written in
 * ({@code augno.errors.format}, {@code augno.errors.format-negotiation}) and of their
 * messages in the request's language, through the application's {@link MessageSource}.
 * The Augno envelope and RFC 9457 problem details are built in; each {@link ErrorFormat}
 * bean adds a format, or replaces the built-in one of its name.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = AugnoErrorsAutoConfiguration.class)
@ConditionalOnWebApplication
@ConditionalOnBooleanProperty(name = "augno.errors.enabled", matchIfMissing = true)
@EnableConfigurationProperties(AugnoErrorsFormatProperties.class)
public final class AugnoErrorsFormatAutoConfiguration {

	private static final String FORMAT_PROPERTY = "augno.errors.format";

	@Bean
	@ConditionalOnMissingBean
	ErrorFormats augnoErrorFormats(AugnoErrorsFormatProperties properties, ObjectProvider<ErrorFormat> serviceFormats) {
		List<ErrorFormat> own = serviceFormats.orderedStream().toList();
		List<ErrorFormat> all = new ArrayList<>(List.of(new AugnoErrorFormat(), new ProblemDetailsErrorFormat()));
		all.addAll(own);
		String name = properties.getFormat();
		if (name == null) {
			name = (own.size() == 1) ? own.get(0).name() : ErrorFormat.AUGNO;
		}
		try {
			return ErrorFormats.of(all, name.trim(), properties.isFormatNegotiation());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidAugnoErrorsConfigurationException(
					FORMAT_PROPERTY, name, ex.getMessage(), "Set " + FORMAT_PROPERTY
							+ " to augno, problem, or the name() of an ErrorFormat bean the " + "application declares.",
					ex);
		}
	}

	@Bean
	@ConditionalOnMissingBean
	ErrorMessages augnoErrorMessages(ObjectProvider<MessageSource> messageSource,
			ObjectProvider<ErrorRegistry> registry) {
		return new ErrorMessages(messageSource.getIfAvailable(), registry.getIfAvailable(ErrorRegistry::standard));
	}

}
