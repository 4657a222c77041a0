package org.uclg.learning.catalog.content;

import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Where course-content/ is read from: the configured folder, or the copy on the classpath (also inside the jar). */
@Singleton
public class ContentSource {
    static final String NAME = "course-content";
    private final CatalogProperties properties;

    ContentSource(CatalogProperties properties) {
        this.properties = properties;
    }

    public List<ModuleContent> read() {
        return new CourseContentReader(root(), NAME).read();
    }

    Path root() {
        if (properties.contentPath() != null && !properties.contentPath().isBlank()) {
            return Path.of(properties.contentPath());
        }
        URL marker = ContentSource.class.getClassLoader().getResource(NAME + "/README.md");
        if (marker == null) {
            throw new IllegalStateException("no " + NAME + "/ on the classpath; set learning.catalog.content-path");
        }
        try {
            URI uri = marker.toURI();
            if ("jar".equals(uri.getScheme())) {
                try {
                    FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException ignored) {
                    // opened by an earlier sync
                }
            }
            return Path.of(uri).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
