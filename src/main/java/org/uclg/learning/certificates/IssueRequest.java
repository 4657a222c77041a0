package org.uclg.learning.certificates;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** An issue or reissue by hand; both fields optional (module completion, the learner's language). */
@Serdeable
record IssueRequest(@Nullable @Schema(type = "string") CertificateKind kind, @Nullable String language) {
}
