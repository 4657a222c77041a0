package org.uclg.learning.certificates.verify;

import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code match} is true only when the uploaded file is byte for byte a PDF this service issued. */
@Serdeable
record VerifyUploadResponse(boolean match, String sha256, @Nullable @Schema(type = "object") VerificationResponse certificate) {
}
