/**
 * Rendering instructors' Markdown (scenario descriptions) into sanitised HTML for views. The only place that knows the
 * Markdown library.
 */
@NullMarked
package dev.gradlab.base.ui.markdown;

import org.jspecify.annotations.NullMarked;
