/**
 * A hidden gallery page ({@code /dev/components}) showing every shared component with sample data: living
 * documentation for view authors and the page the browser tests photograph.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.base.ui.dev;
