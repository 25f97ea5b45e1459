package com.augno.errors.spring.reactive;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.template.TemplateAvailabilityProviders;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;

/**
 * Whether a WebFlux application has its own error page for a status, looked up where
 * Spring Boot's {@code DefaultErrorWebExceptionHandler} looks: {@code error/404}, then
 * {@code error/4xx}, then {@code error}, each as a template or as an {@code .html} file
 * in the static locations. Boot's whitelabel page does not count as a page: an
 * application without error pages keeps the envelope, as on Spring MVC. For a status
 * without a page of its own, an application that has pages for other statuses gets Boot's
 * whitelabel page (unless {@code spring.web.error.whitelabel.enabled=false}), as without
 * the starter, rather than raw JSON. The answer is kept per status.
 *
 * @since 0.1.0
 */
public final class ReactiveErrorPages {

	private final ApplicationContext context;

	private final List<String> staticLocations;

	private final TemplateAvailabilityProviders templates;

	private final boolean whitelabel;

	private final Map<Integer, Boolean> pages = new ConcurrentHashMap<>();

	private volatile @Nullable Boolean ownPages;

	/**
	 * Create the pages of an application.
	 * @param context the application context, whose templates and resources are looked up
	 * @param staticLocations the static resource locations, such as
	 * {@code classpath:/static/}
	 * @param whitelabel Boot's {@code spring.web.error.whitelabel.enabled}
	 */
	public ReactiveErrorPages(ApplicationContext context, List<String> staticLocations, boolean whitelabel) {
		this.context = context;
		this.staticLocations = List.copyOf(staticLocations);
		this.templates = new TemplateAvailabilityProviders(context);
		this.whitelabel = whitelabel;
	}

	/**
	 * Return whether a browser gets a page for a status: the application's own, or Boot's
	 * whitelabel page in an application with pages for other statuses.
	 * @param status the HTTP status
	 * @return whether it gets one
	 */
	public boolean hasPage(int status) {
		return isFound(status) || (this.whitelabel && hasOwnPages());
	}

	private boolean isFound(int status) {
		return this.pages.computeIfAbsent(status, this::findPage);
	}

	/**
	 * Return whether the application has a page for some error status, looked up once.
	 */
	private boolean hasOwnPages() {
		Boolean own = this.ownPages;
		if (own == null) {
			own = Arrays.stream(HttpStatus.values())
				.filter(HttpStatus::isError)
				.anyMatch((status) -> isFound(status.value()));
			this.ownPages = own;
		}
		return own;
	}

	private boolean findPage(int status) {
		return exists("error/" + status) || exists("error/" + (status / 100) + "xx") || exists("error");
	}

	private boolean exists(String view) {
		if (this.templates.getProvider(view, this.context) != null) {
			return true;
		}
		for (String location : this.staticLocations) {
			try {
				Resource resource = this.context.getResource(location).createRelative(view + ".html");
				if (resource.exists() && resource.isReadable()) {
					return true;
				}
			}
			catch (IOException ex) {
				// A location that cannot be read has no page.
			}
		}
		return false;
	}

}
