package dev.gradlab.classroom;

/** The class rules on the default database, H2. */
class ClassServiceH2Test extends ClassServiceContract {}
