package org.uclg.learning.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Error;
import io.micronaut.http.server.netty.NettyHttpRequest;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.netty.handler.codec.TooLongFrameException;
import io.swagger.v3.oas.annotations.Hidden;

/**
 * The HTTP decoder refuses a request line or headers over the server's limits before any route is
 * matched, and Micronaut answers both 413 through this status route. The decoder's own exception
 * says which limit it was; {@link UnexpectedErrorHandler} turns it into 414 or 431. A body over
 * {@code micronaut.server.max-request-size} is refused elsewhere and stays 413.
 */
@Controller
@Hidden
@Secured(SecurityRule.IS_ANONYMOUS)
final class OversizedRequests {

    @Error(status = HttpStatus.REQUEST_ENTITY_TOO_LARGE, global = true)
    void tooLarge(HttpRequest<?> request) {
        Throwable cause = request instanceof NettyHttpRequest<?> netty && netty.getNativeRequest().decoderResult().isFailure()
                ? netty.getNativeRequest().decoderResult().cause() : null;
        throw cause instanceof TooLongFrameException tooLong ? tooLong : new TooLongFrameException("the request is too large");
    }
}
