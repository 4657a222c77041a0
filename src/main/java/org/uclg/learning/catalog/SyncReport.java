package org.uclg.learning.catalog;

import io.micronaut.serde.annotation.Serdeable;

/** What one catalogue sync changed; all zeros but {@code modulesUnchanged} when the content is as stored. */
@Serdeable
public record SyncReport(int modulesAdded, int modulesUpdated, int modulesUnchanged, int modulesRetired,
                         int sectionsAdded, int sectionsUpdated, int sectionsRetired) {

    public boolean changedNothing() {
        return modulesAdded + modulesUpdated + modulesRetired + sectionsAdded + sectionsUpdated + sectionsRetired == 0;
    }
}
