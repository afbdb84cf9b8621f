package dev.gradlab;

import com.vaadin.flow.i18n.I18NProvider;
import com.vaadin.flow.server.VaadinServiceInitListener;
import dev.gradlab.base.ui.PreviewTitles;
import dev.gradlab.base.ui.i18n.GradlabI18NProvider;
import dev.gradlab.base.ui.i18n.LocaleInitializer;
import dev.gradlab.base.web.CrowdGuard;
import dev.gradlab.base.web.ErrorPathGuard;
import dev.gradlab.base.web.SecurityHeaders;
import dev.gradlab.export.Exports;
import dev.gradlab.lab.LabService;
import dev.gradlab.lab.RunDeadline;
import dev.gradlab.lab.ScenarioExports;
import dev.gradlab.lab.data.DatasetRoots;
import dev.gradlab.lab.nograd.NoGradLessonFacts;
import dev.gradlab.lab.train.TrainingService;
import dev.gradlab.lab.ui.LabPreviewTitles;
import jakarta.servlet.DispatcherType;
import java.time.Duration;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.servlet.ServletListenerRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The one place where the web app's beans are declared. The classes themselves are plain Java (no Spring annotation
 * anywhere else, a rule in {@code ArchitectureTest}), so the CLI and the tests construct them directly, and the views
 * receive them through their constructors.
 */
@Configuration(proxyBeanMethods = false)
class GradlabBeans {

    /**
     * One instance for the whole app, so its cache of runs and graphs is shared by every browser tab; every run stops at
     * {@code gradlab.run.deadline} (seconds, as for the CLI's {@code run}).
     */
    @Bean
    LabService labService(@Value("${gradlab.run.deadline:}") String deadline) {
        return new LabService(RunDeadline.parseSeconds(deadline));
    }

    /** The one pool of training threads; Spring calls its {@code close()} on shutdown. */
    @Bean
    PreviewTitles labPreviewTitles(LabService lab) {
        return new LabPreviewTitles(lab);
    }

    @Bean
    TrainingService trainingService(
            @Value("${gradlab.training.threads:0}") int threads,
            @Value("${gradlab.training.max-queued:60}") int maxQueued,
            @Value("${gradlab.training.max-per-session:2}") int maxPerSession,
            @Value("${gradlab.training.max-per-address:0}") int maxPerAddressSetting,
            @Value("${gradlab.training.submissions-per-address-per-minute:60}") int submissionsPerMinute,
            @Value("${gradlab.training.heartbeat-timeout:60s}") Duration heartbeatTimeout,
            @Value("${gradlab.run.deadline:}") String deadline,
            @Value("${gradlab.demo:false}") boolean demo,
            @Value("${gradlab.demo.training.max-queued:10}") int demoMaxQueued,
            @Value("${gradlab.demo.training.max-per-address:4}") int demoMaxPerAddress) {
        // 0: a quarter of the queue, so one client without cookies cannot fill it
        int maxPerAddress =
                maxPerAddressSetting > 0 ? maxPerAddressSetting : TrainingService.defaultMaxPerAddress(maxQueued);
        Duration runDeadline = Duration.ofMillis((long) (RunDeadline.parseSeconds(deadline) * 1000));
        // the public demo is open to the whole internet: tighter caps (the smaller of the two settings)
        return demo
                ? new TrainingService(
                        threads,
                        Math.min(maxQueued, demoMaxQueued),
                        Math.min(maxPerSession, 1),
                        Math.min(maxPerAddress, demoMaxPerAddress),
                        submissionsPerMinute,
                        heartbeatTimeout,
                        runDeadline)
                : new TrainingService(
                        threads,
                        maxQueued,
                        maxPerSession,
                        maxPerAddress,
                        submissionsPerMinute,
                        heartbeatTimeout,
                        runDeadline);
    }

    /**
     * Where a model scenario's {@code dataset.folder} may point ({@code gradlab.datasets.roots}, comma-separated; the
     * bundled sets need none), for the whole app: set once at start-up.
     */
    @Bean
    InitializingBean datasetRoots(@Value("${gradlab.datasets.roots:" + DatasetRoots.DEFAULT + "}") String roots) {
        return () -> DatasetRoots.configure(roots);
    }

    /** Turns new sessions away politely when the class is full or one address opens them too fast. */
    @Bean
    CrowdGuard crowdGuard(
            @Value("${gradlab.sessions.max:0}") int maxSessions,
            @Value("${gradlab.sessions.new-per-address-per-minute:240}") int newPerAddressPerMinute,
            @Value("${gradlab.sessions.untouched-timeout:2m}") Duration untouchedTimeout,
            @Value("${server.servlet.session.timeout:30m}") Duration sessionTimeout) {
        return new CrowdGuard(maxSessions, newPerAddressPerMinute, untouchedTimeout, sessionTimeout);
    }

    /** The guard as a filter of request dispatches, early (before Vaadin's servlet sees the request). */
    @Bean
    FilterRegistrationBean<CrowdGuard> crowdGuardFilter(CrowdGuard guard) {
        FilterRegistrationBean<CrowdGuard> registration = new FilterRegistrationBean<>(guard);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /**
     * Security headers (CSP, nosniff, referrer policy, frame-ancestors) on every response, before anything else can
     * answer; development mode is told by Vaadin's dev server being on the class path (the production build drops it).
     */
    @Bean
    FilterRegistrationBean<SecurityHeaders> securityHeaders(
            @Value("${gradlab.embed.frame-ancestors:'self'}") String embedFrameAncestors) {
        boolean developmentMode = org.springframework.util.ClassUtils.isPresent(
                "com.vaadin.base.devserver.DevModeHandlerManagerImpl", GradlabBeans.class.getClassLoader());
        FilterRegistrationBean<SecurityHeaders> registration =
                new FilterRegistrationBean<>(new SecurityHeaders(embedFrameAncestors, developmentMode));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC);
        return registration;
    }

    /** A direct request for {@code /error} is a 404, not a 500. */
    @Bean
    FilterRegistrationBean<ErrorPathGuard> errorPathGuard() {
        FilterRegistrationBean<ErrorPathGuard> registration = new FilterRegistrationBean<>(new ErrorPathGuard());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 5);
        registration.setDispatcherTypes(DispatcherType.REQUEST);
        return registration;
    }

    /** The guard as a session listener: it counts open sessions and gives new ones the short untouched timeout. */
    @Bean
    ServletListenerRegistrationBean<CrowdGuard> crowdGuardSessions(CrowdGuard guard) {
        return new ServletListenerRegistrationBean<>(guard);
    }

    /** Loading the bundled images is slow, so the no_grad lesson's facts are computed once per application. */
    @Bean
    NoGradLessonFacts noGradLessonFacts() {
        return new NoGradLessonFacts();
    }

    /** One instance, so its cap on exports that train a model holds across every browser tab. */
    @Bean
    ScenarioExports scenarioExports() {
        return new Exports();
    }

    @Bean
    I18NProvider i18nProvider() {
        return new GradlabI18NProvider();
    }

    @Bean
    VaadinServiceInitListener localeInitializer() {
        return new LocaleInitializer();
    }

    /** A 404 status for the first HTML of an address that names no route. */
    @Bean
    VaadinServiceInitListener notFoundStatus() {
        return new dev.gradlab.base.ui.NotFoundStatus();
    }

    /** The developer pages (the component gallery), registered only outside production mode. */
    @Bean
    VaadinServiceInitListener devRoutes() {
        return new dev.gradlab.base.ui.dev.DevRoutes();
    }
}
