/**
 * Class events (a step, an answer, a reveal, an end) delivered to every replica's pages: in memory on the embedded
 * database, through PostgreSQL's {@code LISTEN/NOTIFY} when the replicas share one.
 */
@NullMarked
package dev.gradlab.classroom.events;

import org.jspecify.annotations.NullMarked;
