package dev.gradlab.classroom;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Locale;

/** Class codes (6 characters people can read aloud and type on a phone) and students' secret tokens. */
final class ClassCodes {

    /** A–Z and 2–9 without the look-alikes 0/O, 1/I/L. */
    static final String ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789";

    static final int LENGTH = 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ClassCodes() {}

    static String next() {
        StringBuilder code = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return code.toString();
    }

    /** 32 random bytes, URL-safe: what a student's browser keeps to stay in the class. */
    static String token() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** What a person typed, as a code: spaces and dashes dropped, upper case. */
    static String normalize(String typed) {
        return typed.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
    }
}
