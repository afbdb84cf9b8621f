package dev.gradlab.account;

/** What an account may do: the admin manages accounts; instructors (and the admin) author scenarios. */
public enum Role {
    ADMIN,
    INSTRUCTOR
}
