/**
 * The application shell ({@link dev.gradlab.base.ui.MainLayout}: header, navigation, language and theme switchers)
 * and the home page. Reusable widgets live in the sub-packages chart, formula, steptable and graph; text and number
 * formatting in i18n.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.base.ui;
