package dev.parley.adapter.out.persistence.schedule;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.TaskInstance;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import dev.parley.application.schedule.port.in.FireScheduledCallUseCase;
import dev.parley.application.schedule.port.out.CallTimer;
import dev.parley.domain.schedule.ScheduledCallId;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.jdbc.DataSourceResolver;
import io.micronaut.runtime.server.event.ServerStartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;

/**
 * {@link CallTimer} on db-scheduler, in our own database (table {@code scheduled_tasks}, Flyway V60):
 * one execution per schedule ({@code scheduled-call}/{id}). db-scheduler hands each due execution to
 * exactly one instance, keeps it alive with heartbeats and revives it if that instance dies
 * ({@link FireScheduledCallUseCase} then fails it as interrupted instead of dialling again).
 * Starts once the server is up (after Flyway) and stops with the application.
 */
@Singleton
class DbSchedulerCallTimer implements CallTimer, ApplicationEventListener<ServerStartupEvent> {
    static final String TASK = "scheduled-call";
    private static final Logger LOG = LoggerFactory.getLogger(DbSchedulerCallTimer.class);
    private final Scheduler scheduler;
    private final CustomTask<Void> task;
    private final SchedulerProperties properties;

    DbSchedulerCallTimer(DataSource dataSource, @Nullable DataSourceResolver resolver, FireScheduledCallUseCase fire,
                         SchedulerProperties properties) {
        this.properties = properties;
        DataSource raw = resolver == null ? dataSource : resolver.resolve(dataSource);
        this.task = Tasks.custom(TASK, Void.class)
                .onFailure(new FailureHandler.OnFailureReschedule<>(FixedDelay.of(properties.failureRetry())))
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> {
                    FireScheduledCallUseCase.Outcome outcome = fire.fire(new ScheduledCallId(Long.parseLong(instance.getId())));
                    if (outcome instanceof FireScheduledCallUseCase.Outcome.Again again)
                        return (complete, operations) -> operations.reschedule(complete, again.at());
                    return new CompletionHandler.OnCompleteRemove<>();
                });
        this.scheduler = Scheduler.create(raw, task)
                .pollingInterval(properties.pollingInterval())
                .threads(properties.threads())
                .heartbeatInterval(properties.heartbeatInterval())
                .missedHeartbeatsLimit(properties.missedHeartbeats())
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(5))
                .build();
    }

    @Override
    public void onApplicationEvent(ServerStartupEvent event) {
        if (!properties.enabled()) return;
        scheduler.start();
        LOG.info("Scheduled-call timer started (polling every {})", properties.pollingInterval());
    }

    @PreDestroy
    void stop() {
        scheduler.stop();
    }

    @Override
    public void set(ScheduledCallId id, Instant at) {
        TaskInstance<Void> instance = task.instance(Long.toString(id.value()));
        if (scheduler.scheduleIfNotExists(instance, at)) return;
        try {
            scheduler.reschedule(instance, at);
        } catch (RuntimeException e) {
            // picked meanwhile: the firing sees the schedule's new time and sets the timer again
            LOG.debug("Timer of scheduled call {} not moved: {}", id.value(), e.getMessage());
        }
    }

    @Override
    public void clear(ScheduledCallId id) {
        TaskInstanceId instance = TaskInstanceId.of(TASK, Long.toString(id.value()));
        if (scheduler.getScheduledExecution(instance).isPresent()) {
            try {
                scheduler.cancel(instance);
            } catch (RuntimeException e) {
                // picked meanwhile: the firing finds the schedule canceled and does nothing
                LOG.debug("Timer of scheduled call {} not canceled: {}", id.value(), e.getMessage());
            }
        }
    }
}
