package dev.gradlab.classroom.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StudentClassViewTest {

    @Test
    void a_student_page_re_reads_the_class_only_for_what_every_student_sees() {
        // the instructor's step, a new question, a reveal and the end change every student's page
        assertThat(StudentClassView.changesWhatStudentsSee("step")).isTrue();
        assertThat(StudentClassView.changesWhatStudentsSee("question")).isTrue();
        assertThat(StudentClassView.changesWhatStudentsSee("reveal:q1")).isTrue();
        assertThat(StudentClassView.changesWhatStudentsSee("end")).isTrue();
        // a classmate joining, answering or stepping alone changes nothing on this page
        assertThat(StudentClassView.changesWhatStudentsSee("join")).isFalse();
        assertThat(StudentClassView.changesWhatStudentsSee("answer:q1")).isFalse();
        assertThat(StudentClassView.changesWhatStudentsSee("student-step")).isFalse();
    }
}
