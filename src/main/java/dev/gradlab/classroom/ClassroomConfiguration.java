package dev.gradlab.classroom;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Turns on the scheduler for {@link ClassService#cleanup()} (ended classes are deleted after the retention days). */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class ClassroomConfiguration {}
