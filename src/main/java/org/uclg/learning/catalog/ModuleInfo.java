package org.uclg.learning.catalog;

import java.util.List;
import java.util.Map;

/** What other features print or freeze about a module: title per language, version, partners, required minutes. */
public record ModuleInfo(String code, int version, Map<String, String> title, List<String> partners, int requiredMinutes) {
}
