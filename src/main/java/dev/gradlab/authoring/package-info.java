/**
 * Instructors' authoring on the server side: the editor's and the share links' services over the scenario store,
 * with the signed-in user and ownership checked here (not in the views).
 */
@NullMarked
package dev.gradlab.authoring;

import org.jspecify.annotations.NullMarked;
