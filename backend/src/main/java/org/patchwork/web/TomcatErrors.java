package org.patchwork.web;

import org.apache.catalina.Context;
import org.apache.catalina.core.StandardHost;
import org.springframework.boot.tomcat.TomcatContextCustomizer;
import org.springframework.stereotype.Component;

/** Puts {@link ProblemErrorValve} in place of Tomcat's HTML error report on the embedded server's host. */
@Component
class TomcatErrors implements TomcatContextCustomizer {

    @Override
    public void customize(Context context) {
        if (context.getParent() instanceof StandardHost host) {
            host.setErrorReportValveClass(ProblemErrorValve.class.getName());
            host.getPipeline().addValve(new ProblemErrorValve());
        }
    }
}
