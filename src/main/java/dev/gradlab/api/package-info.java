/**
 * The HTTP API under {@code /api}: thin controllers over the same services the views call, HTTP Basic (throttled like
 * sign-in), no CSRF, and every error as {@code {"error": "<one line>"}}.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.api;
