package com.augno.errors.spring.catalogue;

import java.io.InputStream;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.DuplicateKeyException;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Parses a YAML catalogue into maps, lists and scalars with SnakeYAML's safe constructor,
 * rejecting duplicate keys. Kept apart so that SnakeYAML is loaded only for a YAML file.
 */
final class YamlCatalogueParser {

	private YamlCatalogueParser() {
	}

	static @Nullable Object parse(String location, InputStream in) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setAllowRecursiveKeys(false);
		options.setMaxAliasesForCollections(50);
		try {
			return new Yaml(new SafeConstructor(options)).load(in);
		}
		catch (DuplicateKeyException ex) {
			throw new InvalidErrorCatalogueException(location, at(ex.getProblemMark()), null,
					"duplicate key: " + ex.getProblem().replace("found duplicate key ", ""),
					"Declare each code, and each key of a code, once.", ex);
		}
		catch (MarkedYAMLException ex) {
			throw new InvalidErrorCatalogueException(location, at(ex.getProblemMark()), null,
					"malformed YAML: " + ex.getProblem(), "Fix the YAML syntax there.", ex);
		}
		catch (YAMLException ex) {
			throw new InvalidErrorCatalogueException(location, "(file)", null, "malformed YAML: " + ex.getMessage(),
					"Fix the YAML syntax.", ex);
		}
	}

	private static String at(@Nullable Mark mark) {
		return (mark != null) ? "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) : "(file)";
	}

}
