package com.augno.errors.spring.mapping;

import java.beans.Introspector;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.BeanProperty;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.introspect.AnnotatedMember;
import tools.jackson.databind.introspect.AnnotatedMethod;
import tools.jackson.databind.introspect.BeanPropertyDefinition;
import tools.jackson.databind.introspect.ClassIntrospector;
import tools.jackson.databind.jsonFormatVisitors.JsonFormatVisitorWrapper;
import tools.jackson.databind.jsonFormatVisitors.JsonObjectFormatVisitor;

/**
 * Translates a Java property path, as Spring's binding reports it
 * ({@code items[0].postalCode}), into the path the client wrote in JSON
 * ({@code items[0].postal_code}), following {@code @JsonProperty} and the application's
 * naming strategy as Jackson applies them when reading (so write-only properties are
 * named too); and orders paths by the declaration order of their properties. What it
 * learns of a type is cached, so the introspection happens once per type: per
 * parameterization of a generic type, since the type of a field declared as {@code T} (in
 * {@code Page<Item>}, {@code Wrapper<Address>}) decides how the path goes on.
 * <p>
 * A root given as a {@link Type} with its type arguments (a handler's generic parameter
 * type) resolves such fields; a root given as a raw class resolves them as far as the
 * class declares them, as for a bean validated by hand, whose type arguments are erased.
 *
 * @since 0.1.0
 */
public final class JsonPropertyPaths {

	private final ObjectMapper mapper;

	private final ConcurrentMap<JavaType, Map<String, Property>> properties = new ConcurrentHashMap<>();

	/**
	 * Create an instance for the application's mapper.
	 * @param mapper the mapper that reads request bodies
	 */
	public JsonPropertyPaths(ObjectMapper mapper) {
		this.mapper = mapper;
	}

	/**
	 * Translate a Java property path.
	 * @param rootType the type the path starts from, with its type arguments where known
	 * @param javaPath the path, with {@code .} between properties and {@code [i]} indexes
	 * @return the JSON path
	 */
	public String toJsonPath(Type rootType, String javaPath) {
		StringBuilder json = new StringBuilder(javaPath.length() + 8);
		walk(rootType, javaPath, (property, name, indexes) -> appendJsonSegment(json, property, name, indexes));
		return json.toString();
	}

	/**
	 * Return a sort key that orders paths by where their properties are declared, then by
	 * index.
	 * @param rootType the type the path starts from, with its type arguments where known
	 * @param javaPath the path
	 * @return the key
	 */
	public List<Integer> declarationKey(Type rootType, String javaPath) {
		List<Integer> key = new ArrayList<>();
		walk(rootType, javaPath, (property, name, indexes) -> appendKeySegment(key, property, indexes));
		return key;
	}

	/**
	 * Return both the {@link #toJsonPath JSON path} and the {@link #declarationKey
	 * declaration key} of a Java property path, from one walk of it.
	 * @param rootType the type the path starts from, with its type arguments where known
	 * @param javaPath the path
	 * @return the JSON path and the key
	 */
	Resolved resolve(Type rootType, String javaPath) {
		StringBuilder json = new StringBuilder(javaPath.length() + 8);
		List<Integer> key = new ArrayList<>();
		walk(rootType, javaPath, (property, name, indexes) -> {
			appendJsonSegment(json, property, name, indexes);
			appendKeySegment(key, property, indexes);
		});
		return new Resolved(json.toString(), key);
	}

	private void appendJsonSegment(StringBuilder json, @Nullable Property property, String name, String indexes) {
		if (!json.isEmpty()) {
			json.append('.');
		}
		json.append((property != null) ? property.jsonName() : translate(name));
		json.append(indexes);
	}

	private static void appendKeySegment(List<Integer> key, @Nullable Property property, String indexes) {
		key.add((property != null) ? property.declarationIndex() : Integer.MAX_VALUE);
		if (indexes.isEmpty()) {
			return;
		}
		for (String index : indexes.replace("]", "").split("\\[")) {
			if (!index.isEmpty()) {
				key.add(parseIndex(index));
			}
		}
	}

	/**
	 * Compare two sort keys made by {@link #declarationKey(Type, String)}.
	 * @param a a key
	 * @param b another key
	 * @return the comparison
	 */
	public static int compareKeys(List<Integer> a, List<Integer> b) {
		for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
			int comparison = Integer.compare(a.get(i), b.get(i));
			if (comparison != 0) {
				return comparison;
			}
		}
		return Integer.compare(a.size(), b.size());
	}

	private void walk(Type rootType, String javaPath, SegmentVisitor visitor) {
		@Nullable JavaType current = this.mapper.constructType(rootType);
		for (String segment : javaPath.split("\\.")) {
			if (segment.isEmpty()) {
				continue;
			}
			int bracket = segment.indexOf('[');
			String name = (bracket >= 0) ? segment.substring(0, bracket) : segment;
			String indexes = (bracket >= 0) ? segment.substring(bracket) : "";
			Property property = (current != null) ? propertiesOf(current).get(name) : null;
			visitor.visit(property, name, indexes);
			current = (property != null) ? property.type() : null;
			for (int i = 0; current != null && i < count(indexes, '['); i++) {
				current = current.getContentType();
			}
		}
	}

	private Map<String, Property> propertiesOf(JavaType type) {
		Class<?> raw = type.getRawClass();
		if (raw.isPrimitive() || raw.getName().startsWith("java.")) {
			return Map.of();
		}
		return this.properties.computeIfAbsent(type, this::introspect);
	}

	private Map<String, Property> introspect(JavaType type) {
		Map<String, Integer> declared = declarationOrder(type.getRawClass());
		Map<String, Property> found = new HashMap<>();
		try {
			// The properties a client can send, write-only ones included, named as
			// Jackson
			// reads them.
			DeserializationConfig config = this.mapper.deserializationConfig();
			ClassIntrospector introspector = config.classIntrospectorInstance().forOperation(config);
			BeanDescription description = introspector.introspectForDeserialization(type,
					introspector.introspectClassAnnotations(type));
			for (BeanPropertyDefinition definition : description.findProperties()) {
				String javaName = definition.getInternalName();
				found.put(javaName, new Property(definition.getName(), definition.getPrimaryType(),
						declared.getOrDefault(javaName, Integer.MAX_VALUE)));
			}
		}
		catch (RuntimeException ex) {
			// Fall back on the properties Jackson writes.
		}
		try {
			this.mapper.acceptJsonFormatVisitor(type, new JsonFormatVisitorWrapper.Base() {
				@Override
				public JsonObjectFormatVisitor expectObjectFormat(JavaType objectType) {
					return new JsonObjectFormatVisitor.Base(getContext()) {
						@Override
						public void property(BeanProperty property) {
							add(property);
						}

						@Override
						public void optionalProperty(BeanProperty property) {
							add(property);
						}

						private void add(BeanProperty property) {
							String javaName = javaName(type.getRawClass(), property.getMember(), property.getName());
							found.putIfAbsent(javaName, new Property(property.getName(), property.getType(),
									declared.getOrDefault(javaName, Integer.MAX_VALUE)));
						}
					};
				}
			});
		}
		catch (RuntimeException ex) {
			// A type Jackson cannot describe keeps Java names, translated by the naming
			// strategy.
		}
		declared.forEach((javaName, index) -> found.computeIfAbsent(javaName,
				(name) -> new Property(translate(name), null, index)));
		return Map.copyOf(found);
	}

	private static String javaName(Class<?> owner, @Nullable AnnotatedMember member, String fallback) {
		if (member == null) {
			return fallback;
		}
		String name = member.getName();
		if (member instanceof AnnotatedMethod && !owner.isRecord()) {
			if (name.startsWith("get") && name.length() > 3) {
				return Introspector.decapitalize(name.substring(3));
			}
			if (name.startsWith("is") && name.length() > 2) {
				return Introspector.decapitalize(name.substring(2));
			}
		}
		return name;
	}

	private static Map<String, Integer> declarationOrder(Class<?> type) {
		Map<String, Integer> order = new HashMap<>();
		if (type.isRecord()) {
			RecordComponent[] components = type.getRecordComponents();
			for (int i = 0; i < components.length; i++) {
				order.put(components[i].getName(), i);
			}
			return order;
		}
		Deque<Class<?>> hierarchy = new ArrayDeque<>();
		for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
			hierarchy.push(c);
		}
		for (Class<?> c : hierarchy) {
			for (Field field : c.getDeclaredFields()) {
				if (!Modifier.isStatic(field.getModifiers()) && !field.isSynthetic()) {
					order.putIfAbsent(field.getName(), order.size());
				}
			}
		}
		return order;
	}

	private String translate(String javaName) {
		PropertyNamingStrategy strategy = this.mapper.serializationConfig().getPropertyNamingStrategy();
		if (strategy == null) {
			return javaName;
		}
		// The built-in strategies translate the name alone; the field is not consulted.
		return strategy.nameForField(this.mapper.serializationConfig(), null, javaName);
	}

	private static int count(String text, char c) {
		int count = 0;
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == c) {
				count++;
			}
		}
		return count;
	}

	private static int parseIndex(String index) {
		try {
			return Integer.parseInt(index);
		}
		catch (NumberFormatException ex) {
			return 0;
		}
	}

	private record Property(String jsonName, @Nullable JavaType type, int declarationIndex) {
	}

	/**
	 * A Java property path's JSON path and declaration key.
	 *
	 * @param jsonPath the JSON path
	 * @param declarationKey the key that orders it by declaration
	 */
	record Resolved(String jsonPath, List<Integer> declarationKey) {
	}

	@FunctionalInterface
	private interface SegmentVisitor {

		void visit(@Nullable Property property, String name, String indexes);

	}

}
