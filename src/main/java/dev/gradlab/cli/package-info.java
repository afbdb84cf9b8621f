/**
 * Headless commands ({@code run}, later {@code bench}) that print machine-readable results, so every number the UI
 * shows can be reproduced and compared without a browser. Bad input exits with status 2 and one line on stderr.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.cli;
