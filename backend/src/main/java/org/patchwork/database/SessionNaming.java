package org.patchwork.database;

import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

/** Gives the connection pool's sessions this instance's name (see {@link DatabaseSessions}) before the pool starts. */
@Component
class SessionNaming implements BeanPostProcessor {

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool) {
            pool.addDataSourceProperty("ApplicationName", DatabaseSessions.APPLICATION_NAME);
        }
        return bean;
    }
}
