/** The live-class pages: joining, the student's class page, the instructor's list and dashboard. */
@NullMarked
package dev.gradlab.classroom.ui;

import org.jspecify.annotations.NullMarked;
