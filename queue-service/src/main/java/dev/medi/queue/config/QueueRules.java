package dev.medi.queue.config;

import dev.medi.queue.QueuePriority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes the configured ordering rules injectable as the plain domain object. */
@ApplicationScoped
public class QueueRules {

    @Produces
    @jakarta.inject.Singleton // a record cannot be proxied, so not a normal scope
    QueuePriority priority(QueueConfig config) {
        return new QueuePriority(config.priority().untriagedLevel(), config.priority().agingStep(),
                config.priority().maxPromotion());
    }
}
