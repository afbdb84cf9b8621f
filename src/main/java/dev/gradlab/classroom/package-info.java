/**
 * Live classes: class codes, students without accounts, predict-then-reveal questions and their tallies. Every piece
 * of state lives in the database, so any replica serves any student; {@code classroom.events} only tells the pages of
 * every replica to reload a class.
 */
@NullMarked
package dev.gradlab.classroom;

import org.jspecify.annotations.NullMarked;
