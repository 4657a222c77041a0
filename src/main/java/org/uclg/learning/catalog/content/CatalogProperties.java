package org.uclg.learning.catalog.content;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;

/**
 * {@code learning.catalog.content-path}: a course-content folder on disk; unset, the copy packed in
 * the jar is used. {@code sync-on-startup}: sync it when the service starts.
 */
@ConfigurationProperties("learning.catalog")
record CatalogProperties(@Nullable String contentPath, @Bindable(defaultValue = "true") boolean syncOnStartup) {
}
