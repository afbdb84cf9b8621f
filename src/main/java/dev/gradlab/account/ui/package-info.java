/**
 * The sign-in page, the instructor's own account page, the admin's account list, and the security rules of the UI
 * (Vaadin's configurer: views are open unless they say otherwise). The API has its own rules in {@code api}.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.account.ui;
