package org.uclg.learning.people;

import io.micronaut.serde.annotation.Serdeable;

@Serdeable
record RegionalSectionResponse(RegionalSection code, String name) {
}
