/**
 * The two languages of GradLab (English, the default, and Traditional Chinese): which one a browser gets, the Vaadin
 * {@code I18NProvider} over {@code vaadin-i18n/translations*.properties}, and locale-aware number formatting. Views
 * read text with {@code getTranslation("key")}; numbers go through {@link dev.gradlab.base.ui.i18n.Numbers}.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.base.ui.i18n;
