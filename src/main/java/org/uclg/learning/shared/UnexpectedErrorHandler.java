package org.uclg.learning.shared;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.micronaut.data.connection.exceptions.ConnectionException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * What no more specific handler took. A request line or headers over the server's limits are
 * 414 or 431 (Micronaut would say 413 for both). When the database cannot be reached (the pool timed out,
 * the server refused or dropped the connection) the request is answered 503 with
 * {@code Retry-After}: the client may try again and nothing was done. Anything else is a logged 500.
 */
@Singleton
@Produces
final class UnexpectedErrorHandler implements ExceptionHandler<RuntimeException, HttpResponse<?>> {
    private static final Logger LOG = LoggerFactory.getLogger(UnexpectedErrorHandler.class);
    static final int RETRY_AFTER_SECONDS = 5;

    private final ErrorResponseProcessor<?> processor;

    UnexpectedErrorHandler(ErrorResponseProcessor<?> processor) {
        this.processor = processor;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, RuntimeException exception) {
        if (exception instanceof TooLongFrameException) {
            // the decoder refused the request line or the headers before any route: say which limit
            HttpStatus status = exception instanceof TooLongHttpLineException ? HttpStatus.REQUEST_URI_TOO_LONG
                    : exception instanceof TooLongHttpHeaderException ? HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                    : HttpStatus.REQUEST_ENTITY_TOO_LARGE;
            return processor.processResponse(ErrorContext.builder(request).errorMessage(status == HttpStatus.REQUEST_URI_TOO_LONG
                    ? "the path and query are too long" : status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                    ? "the request headers are too large" : "the request is too large").build(), HttpResponse.status(status));
        }
        if (databaseUnavailable(exception)) {
            LOG.warn("Database unavailable for {} {}: {}", request.getMethod(), request.getPath(), rootMessage(exception));
            DatabaseUnavailableException problem = new DatabaseUnavailableException();
            MutableHttpResponse<?> response = HttpResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                    .header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
            return processor.processResponse(ErrorContext.builder(request).cause(problem)
                    .errorMessage(problem.getMessage()).build(), response);
        }
        LOG.error("Unexpected error for {} {}", request.getMethod(), request.getPath(), exception);
        return processor.processResponse(ErrorContext.builder(request).cause(exception)
                .errorMessage("Internal Server Error").build(), HttpResponse.serverError());
    }

    /**
     * No connection could be had or kept (the pool timed out, a connection was cut), or SQLSTATE
     * classes 08 (connection exception) and 57P (the server shutting down or starting).
     */
    static boolean databaseUnavailable(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientConnectionException || t instanceof ConnectException || t instanceof ConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** The problem a client sees: 503 service-unavailable. */
    static final class DatabaseUnavailableException extends ProblemException {
        DatabaseUnavailableException() {
            super(503, "service-unavailable", "Service unavailable",
                    "the database cannot be reached; try again in a few seconds", java.util.List.of());
        }
    }
}
