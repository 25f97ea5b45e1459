package com.augno.errors.spring.quickstart;

// tag::core[]
import com.augno.errors.AugnoError;
import com.augno.errors.AugnoException;
import com.augno.errors.ErrorEnvelope;
import com.augno.errors.ErrorFactory;
import com.augno.errors.ErrorLinks;
import com.augno.errors.ErrorRegistry;
import tools.jackson.databind.json.JsonMapper;

public class EnvelopeWithoutSpring {

	public static String render(String requestId) {
		ErrorFactory factory = new ErrorFactory(ErrorRegistry.standard(), ErrorLinks.defaults());
		AugnoError error = factory.create(AugnoException.of("resource_not_found"), requestId);
		JsonMapper jsonMapper = JsonMapper.builder().build();
		return jsonMapper.writeValueAsString(new ErrorEnvelope(error));
	}

}
// end::core[]
