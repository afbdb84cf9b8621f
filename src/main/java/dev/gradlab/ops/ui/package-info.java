/**
 * The operations rules that live inside the Vaadin app: the read-only demo's refusal of sign-in pages on in-page
 * navigation. The HTTP-side rules (the demo's filter, actuator, meters) are in {@code dev.gradlab.ops}.
 */
@NullMarked
package dev.gradlab.ops.ui;

import org.jspecify.annotations.NullMarked;
