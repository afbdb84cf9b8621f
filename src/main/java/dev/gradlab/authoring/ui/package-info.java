/**
 * The instructor's pages: the scenario editor ({@code /edit/new}, {@code /edit/{slug}}) with its form and YAML panes
 * kept in step, live validation and preview, and "My scenarios" ({@code /my}) with sharing, copying and deleting.
 * Views call {@link dev.gradlab.authoring.Authoring} only; every rule is checked there.
 */
@NullMarked
package dev.gradlab.authoring.ui;

import org.jspecify.annotations.NullMarked;
