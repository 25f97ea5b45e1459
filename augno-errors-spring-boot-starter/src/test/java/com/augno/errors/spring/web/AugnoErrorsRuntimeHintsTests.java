package com.augno.errors.spring.web;

import java.lang.reflect.RecordComponent;

import com.augno.errors.AugnoError;
import com.augno.errors.ErrorEnvelope;
import com.augno.errors.Quota;
import org.junit.jupiter.api.Test;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime hints a native image needs to write the envelope.
 */
class AugnoErrorsRuntimeHintsTests {

	@Test
	void isRegisteredForAotProcessing() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class)).hasAtLeastOneElementOfType(AugnoErrorsRuntimeHints.class);
	}

	@Test
	void letsJacksonReadTheEnvelopeRecords() {
		RuntimeHints hints = new RuntimeHints();
		new AugnoErrorsRuntimeHints().registerHints(hints, getClass().getClassLoader());
		for (Class<?> type : new Class<?>[] { ErrorEnvelope.class, AugnoError.class, Quota.class }) {
			assertThat(RuntimeHintsPredicates.reflection().onType(type)).as(type.getName()).accepts(hints);
			for (RecordComponent component : type.getRecordComponents()) {
				assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
					.as(type.getSimpleName() + "." + component.getName())
					.accepts(hints);
			}
		}
	}

	@Test
	void includesTheDocumentationAndTheReferencePageResources() {
		RuntimeHints hints = new RuntimeHints();
		new AugnoErrorsRuntimeHints().registerHints(hints, getClass().getClassLoader());
		for (String resource : new String[] { "com/augno/errors/contract-documentation.properties",
				"com/augno/errors/framework-documentation.properties",
				"com/augno/errors/spring/reference/sections.properties",
				"com/augno/errors/spring/reference/reference.css", "com/augno/errors/spring/reference/reference.js" }) {
			assertThat(getClass().getClassLoader().getResource(resource)).as(resource).isNotNull();
			assertThat(RuntimeHintsPredicates.resource().forResource(resource)).as(resource).accepts(hints);
		}
	}

}
