package dev.gradlab.api;

import dev.gradlab.account.AccountException;
import dev.gradlab.lab.train.TrainingRejectedException;
import dev.gradlab.scenario.store.StoreException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Turns every failure of an API controller into {@code {"error": "<one line>"}}; a bug is logged, never shown. */
@RestControllerAdvice(basePackageClasses = ApiErrors.class)
class ApiErrors {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrors.class);

    @ExceptionHandler(ApiError.class)
    ResponseEntity<Map<String, String>> api(ApiError e) {
        return ApiError.entity(e.status(), java.util.Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }

    @ExceptionHandler(StoreException.class)
    ResponseEntity<Map<String, String>> store(StoreException e) {
        HttpStatus status = switch (e.reason()) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT, LIMIT -> HttpStatus.CONFLICT;
        };
        return ApiError.entity(status, java.util.Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }

    @ExceptionHandler(AccountException.class)
    ResponseEntity<Map<String, String>> account(AccountException e) {
        HttpStatus status = switch (e.reason()) {
            case INVALID, WRONG_PASSWORD -> HttpStatus.BAD_REQUEST;
            case DUPLICATE -> HttpStatus.CONFLICT;
            case NO_SUCH_USER -> HttpStatus.NOT_FOUND;
        };
        return ApiError.entity(status, java.util.Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }

    @ExceptionHandler(TrainingRejectedException.class)
    ResponseEntity<Map<String, String>> busy(TrainingRejectedException e) {
        return ApiError.entity(
                HttpStatus.TOO_MANY_REQUESTS, java.util.Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<Map<String, String>> unreadable(HttpMessageNotReadableException e) {
        return ApiError.entity(HttpStatus.BAD_REQUEST, "the request body is not the JSON this call expects");
    }

    @ExceptionHandler({
        MissingServletRequestParameterException.class,
        MissingRequestHeaderException.class,
        MethodArgumentTypeMismatchException.class
    })
    ResponseEntity<Map<String, String>> badRequest(Exception e) {
        return ApiError.entity(
                HttpStatus.BAD_REQUEST,
                java.util.Objects.requireNonNullElse(e.getMessage(), e.toString()) == null
                        ? "bad request"
                        : java.util.Objects.requireNonNullElse(e.getMessage(), e.toString()));
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<Map<String, String>> method(HttpRequestMethodNotSupportedException e) {
        return ApiError.entity(HttpStatus.METHOD_NOT_ALLOWED, "method " + e.getMethod() + " is not supported here");
    }

    @ExceptionHandler(HttpMediaTypeException.class)
    ResponseEntity<Map<String, String>> mediaType(HttpMediaTypeException e) {
        return ApiError.entity(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported media type");
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Map<String, String>> bug(Exception e) {
        LOG.error("API request failed", e);
        return ApiError.entity(HttpStatus.INTERNAL_SERVER_ERROR, "internal error (logged on the server)");
    }
}
