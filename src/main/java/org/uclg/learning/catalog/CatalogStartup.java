package org.uclg.learning.catalog;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import jakarta.annotation.PostConstruct;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Syncs the catalogue while the service starts; a content error stops start-up with its file and line. */
@Context
@Requires(property = "learning.catalog.sync-on-startup", notEquals = "false")
class CatalogStartup {
    private static final Logger LOG = LoggerFactory.getLogger(CatalogStartup.class);
    private final CatalogApi catalog;

    CatalogStartup(CatalogApi catalog) {
        this.catalog = catalog;
    }

    @PostConstruct
    void sync() {
        SyncReport report = catalog.syncContent();
        LOG.info("Catalogue synced from course-content: {}", report);
    }
}
