/**
 * Protection of the web server against a crowd: a cap on concurrent HTTP sessions, per-client-address rate limits on
 * new sessions (Bucket4j), a short idle timeout for sessions that never came back after their first page, and a
 * polite, translated "the class is full" page (HTTP 503 with {@code Retry-After}) instead of an error. Existing
 * sessions are never refused. Servlet level: no Vaadin.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.base.web;
