/**
 * LaTeX formulas rendered in the browser by KaTeX (npm {@code katex}). Text is set from Java; KaTeX adds MathML so
 * screen readers can read the formula.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.base.ui.formula;
