package org.uclg.learning.people.auth;

import org.uclg.learning.people.Caller;
import io.micronaut.core.bind.ArgumentBinder;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.filters.SecurityFilter;
import jakarta.inject.Singleton;
import org.uclg.learning.shared.UnauthorizedException;

import java.util.Optional;
import java.util.UUID;

/** Binds {@link Caller} from the authenticated principal; a token whose subject is no account id is refused (401). */
@Singleton
class CallerBinder implements TypedRequestArgumentBinder<Caller> {
    private static final Argument<Caller> TYPE = Argument.of(Caller.class);

    @Override
    public Argument<Caller> argumentType() {
        return TYPE;
    }

    @Override
    public ArgumentBinder.BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> source) {
        if (!source.getAttributes().contains(SecurityFilter.KEY)) {
            return ArgumentBinder.BindingResult.unsatisfied();
        }
        Optional<Authentication> principal = source.getUserPrincipal(Authentication.class);
        if (principal.isEmpty()) {
            return ArgumentBinder.BindingResult.empty();
        }
        Caller caller = new Caller(parse(principal.get().getName()));
        return () -> Optional.of(caller);
    }

    private static UUID parse(String subject) {
        try {
            return UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            throw new UnauthorizedException("the token's subject is not an account");
        }
    }
}
