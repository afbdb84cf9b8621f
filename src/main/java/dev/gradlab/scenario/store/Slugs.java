package dev.gradlab.scenario.store;

import java.security.SecureRandom;

/** Slugs: 10 characters of lower-case base32 (50 random bits), so an unlisted link cannot be guessed. */
final class Slugs {

    static final int LENGTH = 10;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz234567";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Slugs() {}

    static String next() {
        char[] s = new char[LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            s[i] = ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length()));
        }
        return new String(s);
    }

    static boolean looksLikeSlug(String s) {
        return s.length() == LENGTH && s.chars().allMatch(c -> ALPHABET.indexOf(c) >= 0);
    }
}
