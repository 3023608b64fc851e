package org.patchwork.web;

import org.apache.catalina.Context;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.stereotype.Component;

/**
 * Puts {@link ProblemErrorValve} in place of Tomcat's HTML error report on the embedded server's host.
 * Spring Boot adds its own ErrorReportValve through another customizer, in no fixed order, so the swap is
 * made once the host has started, when every valve is in place.
 */
@Component
class TomcatErrors implements TomcatContextCustomizer {

    @Override
    public void customize(Context context) {
        if (context.getParent() instanceof StandardHost host) {
            host.setErrorReportValveClass(ProblemErrorValve.class.getName());
            host.addLifecycleListener(event -> {
                if (Lifecycle.AFTER_START_EVENT.equals(event.getType())) {
                    useProblemValve(host);
                }
            });
        }
    }

    private static void useProblemValve(StandardHost host) {
        boolean present = false;
        for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ProblemErrorValve) {
                present = true;
            } else if (valve instanceof ErrorReportValve) {
                host.getPipeline().removeValve(valve);
            }
        }
        if (!present) {
            host.getPipeline().addValve(new ProblemErrorValve());
        }
    }
}
