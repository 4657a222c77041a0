package org.uclg.learning.people;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;

@Serdeable
record GrantRoleRequest(@NotNull Role role, @Nullable @Schema(type = "string") RegionalSection regionalSection) {
}
