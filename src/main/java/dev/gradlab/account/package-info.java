/**
 * Accounts of the people who author scenarios: the admin and instructors (students need none). Passwords are kept
 * as adaptive hashes, sign-in guessing is throttled per username, and the first start creates the admin.
 */
@org.jspecify.annotations.NullMarked
package dev.gradlab.account;
