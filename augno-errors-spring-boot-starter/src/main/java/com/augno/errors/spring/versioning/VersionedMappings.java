package com.augno.errors.spring.versioning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.RequestPath;
import org.springframework.web.accept.ApiVersionStrategy;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.condition.PathPatternsRequestCondition;
import org.springframework.web.servlet.mvc.condition.VersionRequestCondition;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import org.springframework.web.util.ServletRequestPathUtils;
import org.springframework.web.util.pattern.PathPattern;

/**
 * The versioned {@code @RequestMapping}s of a Spring MVC application, indexed once on
 * first use, to tell a request for a version older than an endpoint's lowest mapping
 * (which Spring answers with a 404) from a request for a path nothing maps.
 * <p>
 * Only mappings with path patterns (Spring's default) are indexed.
 *
 * @since 0.1.0
 */
public final class VersionedMappings implements ApiVersionMappings {

	private final ObjectProvider<RequestMappingHandlerMapping> handlerMappings;

	private volatile @Nullable Index index;

	/**
	 * Create an index over the given handler mappings, read on first use.
	 * @param handlerMappings the application's request mapping handler mappings
	 */
	public VersionedMappings(ObjectProvider<RequestMappingHandlerMapping> handlerMappings) {
		this.handlerMappings = handlerMappings;
	}

	/**
	 * Find the version the endpoint of a request requires when the request asked for an
	 * older one: the lowest version, above the requested one, of the mappings whose path
	 * pattern and method match the request.
	 * @param request the request
	 * @return the requirement, or {@code null} if no versioned mapping of the request's
	 * path and method is newer than the requested version, or the request has none
	 */
	public @Nullable Requirement findRequirement(HttpServletRequest request) {
		Index index = index();
		if (index.strategy() == null || index.entries().isEmpty()) {
			return null;
		}
		String requested = index.strategy().resolveVersion(request);
		if (requested == null) {
			return null;
		}
		Comparable<?> version;
		try {
			version = index.strategy().parseVersion(requested);
		}
		catch (RuntimeException ex) {
			return null;
		}
		PathContainer path = pathWithinApplication(request);
		RequestMethod method = RequestMethod.resolve(request.getMethod());
		// Entries are sorted oldest first, so the first match is the lowest requirement.
		for (Entry entry : index.entries()) {
			if (Versions.compare(entry.version(), version) > 0
					&& (entry.methods().isEmpty() || entry.methods().contains(method))
					&& entry.pattern().matches(path)) {
				return new Requirement(entry.label(), requested);
			}
		}
		return null;
	}

	/**
	 * Find the version the endpoint of the current request requires when the failure is
	 * the {@link NoResourceFoundException} of a request for an older version; see
	 * {@link #findRequirement(HttpServletRequest)}.
	 * @param failure the failure
	 * @return the requirement, or {@code null}
	 */
	@Override
	public @Nullable Requirement findRequirement(Throwable failure) {
		if (failure instanceof NoResourceFoundException
				&& RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			return findRequirement(attributes.getRequest());
		}
		return null;
	}

	@Override
	public List<String> versions() {
		TreeMap<Comparable<?>, String> versions = new TreeMap<>(Versions::compare);
		index().entries().forEach((entry) -> versions.putIfAbsent(entry.version(), entry.label()));
		return List.copyOf(versions.values());
	}

	private Index index() {
		Index index = this.index;
		if (index == null) {
			index = buildIndex();
			this.index = index;
		}
		return index;
	}

	private Index buildIndex() {
		List<Entry> entries = new ArrayList<>();
		ApiVersionStrategy first = null;
		for (RequestMappingHandlerMapping mapping : this.handlerMappings.orderedStream().toList()) {
			ApiVersionStrategy strategy = mapping.getApiVersionStrategy();
			if (strategy == null) {
				continue;
			}
			first = (first != null) ? first : strategy;
			for (RequestMappingInfo info : mapping.getHandlerMethods().keySet()) {
				VersionRequestCondition condition = info.getVersionCondition();
				PathPatternsRequestCondition paths = info.getPathPatternsCondition();
				String label = condition.getVersion();
				if (label == null || paths == null) {
					continue;
				}
				Comparable<?> version = strategy.parseVersion(label);
				Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
				for (PathPattern pattern : paths.getPatterns()) {
					entries.add(new Entry(pattern, methods, version, label));
				}
			}
		}
		entries.sort(Comparator.comparing(Entry::version, Versions::compare));
		return new Index(first, List.copyOf(entries));
	}

	private static PathContainer pathWithinApplication(HttpServletRequest request) {
		if (ServletRequestPathUtils.hasParsedRequestPath(request)) {
			return ServletRequestPathUtils.getParsedRequestPath(request).pathWithinApplication();
		}
		return RequestPath.parse(request.getRequestURI(), request.getContextPath()).pathWithinApplication();
	}

	private record Entry(PathPattern pattern, Set<RequestMethod> methods, Comparable<?> version, String label) {
	}

	private record Index(@Nullable ApiVersionStrategy strategy, List<Entry> entries) {
	}

}
