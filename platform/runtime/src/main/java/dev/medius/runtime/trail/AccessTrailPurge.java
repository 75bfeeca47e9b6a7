package dev.medius.runtime.trail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.arc.properties.IfBuildProperty;
import io.quarkus.scheduler.Scheduled;

/** Removes access trail entries older than {@code medius.access-trail.keep}; a second run removes nothing more. */
@ApplicationScoped
@IfBuildProperty(name = "medius.access-trail.enabled", stringValue = "true")
public class AccessTrailPurge {

    private static final Logger LOG = Logger.getLogger(AccessTrailPurge.class);

    @Inject
    AccessTrail trail;

    @Inject
    AccessTrailConfig config;

    @Scheduled(every = "${medius.access-trail.purge-every:6h}", delayed = "${medius.access-trail.purge-every:6h}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        long removed = trail.purge(config.keep());
        if (removed > 0) {
            LOG.infof("removed %d access trail entries older than %s", removed, config.keep());
        }
    }
}
