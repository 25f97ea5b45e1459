package com.augno.errors.bench.jmh;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.augno.errors.AugnoError;
import com.augno.errors.ErrorCode;
import com.augno.errors.ErrorFactory;
import com.augno.errors.ErrorLinks;
import com.augno.errors.ErrorRegistry;
import com.augno.errors.FrameworkCodes;
import com.augno.errors.spring.client.RestClientExceptionMapper;
import com.augno.errors.spring.format.AugnoErrorFormat;
import com.augno.errors.spring.format.ErrorFormats;
import com.augno.errors.spring.format.ErrorMessages;
import com.augno.errors.spring.format.ProblemDetailsErrorFormat;
import com.augno.errors.spring.format.ResolvedError;
import com.augno.errors.spring.mapping.AugnoExceptionMapper;
import com.augno.errors.spring.mapping.ClientDisconnectMapper;
import com.augno.errors.spring.mapping.CompositeExceptionMapper;
import com.augno.errors.spring.mapping.ConfiguredExceptionMapper;
import com.augno.errors.spring.mapping.ConstraintViolationExceptionMapper;
import com.augno.errors.spring.mapping.ErrorResponseMapper;
import com.augno.errors.spring.mapping.JsonPropertyPaths;
import com.augno.errors.spring.mapping.MappedError;
import com.augno.errors.spring.mapping.RequestBodyExceptionMapper;
import com.augno.errors.spring.mapping.SpringMvcExceptionMapper;
import com.augno.errors.spring.mapping.ValidationExceptionMapper;
import com.augno.errors.spring.servlet.ErrorResponseWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The starter's rendering path, built without a Spring context the way
 * {@code AugnoErrorsAutoConfiguration} builds it with no {@code augno.errors.*} property
 * set, for a servlet app with Bean Validation and Spring's HTTP clients on the classpath
 * (so {@link RestClientExceptionMapper} is in the chain); the mappers of the optional
 * integrations (security, data access, Resilience4j) are left out.
 */
final class Rendering {

	/**
	 * A request id of the form the default generator makes.
	 */
	static final String REQUEST_ID = "rq_fbv1ygmybo3eauykr74";

	/**
	 * The application's mapper, which reads request bodies and names JSON properties.
	 */
	final JsonMapper applicationMapper = JsonMapper.builder().build();

	final ErrorFactory errorFactory;

	final CompositeExceptionMapper mappers;

	final ErrorResponseWriter writer = new ErrorResponseWriter();

	/**
	 * The formats as the auto-configuration builds them by default: the Augno envelope,
	 * problem details, no negotiation.
	 */
	final ErrorFormats formats;

	final ErrorMessages messages;

	Rendering() {
		// As ErrorRegistryFactory does with no codes or doc URLs configured.
		ErrorRegistry.Builder registry = ErrorRegistry.builder();
		FrameworkCodes.all().forEach(registry::register);
		this.errorFactory = new ErrorFactory(registry.build(), ErrorLinks.defaults());
		JsonPropertyPaths paths = new JsonPropertyPaths(this.applicationMapper);
		this.mappers = new CompositeExceptionMapper(
				List.of(new ClientDisconnectMapper(), new ConfiguredExceptionMapper(Map.of()),
						new AugnoExceptionMapper(this.errorFactory), new ValidationExceptionMapper(paths),
						new ConstraintViolationExceptionMapper(paths), new RequestBodyExceptionMapper(),
						new SpringMvcExceptionMapper(), new ErrorResponseMapper(), new RestClientExceptionMapper()));
		this.formats = ErrorFormats.of(List.of(new AugnoErrorFormat(), new ProblemDetailsErrorFormat()), "augno",
				false);
		this.messages = new ErrorMessages(null, this.errorFactory.registry());
	}

	/**
	 * Throwable to envelope bytes, as {@code ErrorResponseHandler} renders them for a
	 * request without {@code Accept-Language}: the error resolved, the format chosen for
	 * the request's {@code Accept}, its body.
	 * @param failure the failure
	 * @return the bytes
	 */
	byte[] render(Throwable failure) {
		MappedError mapped = this.mappers.map(failure);
		ErrorCode code = this.errorFactory.resolve(mapped.code());
		AugnoError error = toError(mapped);
		int status = code.status();
		ResolvedError resolved = new ResolvedError(code, error, status,
				this.messages.title(code, status, Locale.ENGLISH), mapped.violations(), REQUEST_ID, "/items/it_missing",
				Locale.ENGLISH, mapped.headers(), mapped.members());
		return this.formats.select("application/json").render(resolved).body();
	}

	/**
	 * What {@code ErrorResponseHandler.respond} does with a mapped error before it logs
	 * and writes it.
	 * @param mapped the mapped error
	 * @return the error
	 */
	AugnoError toError(MappedError mapped) {
		ErrorCode code = this.errorFactory.resolve(mapped.code());
		return this.errorFactory.create(code, mapped.type(),
				this.messages.message(code, mapped.message(), mapped.translation(), Locale.ENGLISH), mapped.param(),
				mapped.quota(), REQUEST_ID);
	}

}
