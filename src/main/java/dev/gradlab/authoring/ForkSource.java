package dev.gradlab.authoring;

/** A scenario that may be copied ("forked"): a built-in (by id) or a public saved one (by slug). */
public record ForkSource(String idOrSlug, String titleEn, String titleZhTw, boolean builtIn) {}
