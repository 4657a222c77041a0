package org.uclg.learning.certificates.verify;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** {@code match} is true only when the uploaded file is byte for byte a PDF this service issued. */
@Serdeable
record VerifyUploadResponse(boolean match, String sha256, @Nullable VerificationResponse certificate) {
}
