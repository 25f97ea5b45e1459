package com.augno.errors.spring.versioning;

import java.util.List;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.web.reactive.accept.ApiVersionStrategy;
import org.springframework.web.reactive.result.method.RequestMappingInfo;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * The versions the {@code @RequestMapping}s of a Spring WebFlux application declare, read
 * once on first use. A mapper has no exchange to look at on WebFlux, so a 404 of a path
 * that exists only in a newer version stays {@code resource_not_found} there.
 *
 * @since 0.1.0
 */
public final class ReactiveVersionedMappings implements ApiVersionMappings {

	private final ObjectProvider<RequestMappingHandlerMapping> handlerMappings;

	private volatile @Nullable List<String> versions;

	/**
	 * Create an index over the given handler mappings, read on first use.
	 * @param handlerMappings the application's request mapping handler mappings
	 */
	public ReactiveVersionedMappings(ObjectProvider<RequestMappingHandlerMapping> handlerMappings) {
		this.handlerMappings = handlerMappings;
	}

	@Override
	public List<String> versions() {
		List<String> versions = this.versions;
		if (versions == null) {
			versions = readVersions();
			this.versions = versions;
		}
		return versions;
	}

	@Override
	public @Nullable Requirement findRequirement(Throwable failure) {
		return null;
	}

	private List<String> readVersions() {
		TreeMap<Comparable<?>, String> versions = new TreeMap<>(Versions::compare);
		for (RequestMappingHandlerMapping mapping : this.handlerMappings.orderedStream().toList()) {
			ApiVersionStrategy strategy = mapping.getApiVersionStrategy();
			if (strategy == null) {
				continue;
			}
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				String label = info.getVersionCondition().getVersion();
				if (label != null) {
					versions.putIfAbsent(strategy.parseVersion(label), label);
				}
			}
		}
		return List.copyOf(versions.values());
	}

}
