package dev.parley.adapter.in.web.schedule;

import dev.parley.adapter.in.web.security.CurrentTenant;
import dev.parley.adapter.in.web.security.RateLimited;
import dev.parley.application.schedule.port.in.CallingWindowUseCase;
import dev.parley.application.schedule.port.in.CancelScheduledCallUseCase;
import dev.parley.application.schedule.port.in.GetScheduledCallUseCase;
import dev.parley.application.schedule.port.in.ListScheduledCallsUseCase;
import dev.parley.application.schedule.port.in.MoveScheduledCallUseCase;
import dev.parley.application.schedule.port.in.ScheduleCallUseCase;
import dev.parley.application.schedule.port.in.ScheduleCallUseCase.ScheduleCallCommand;
import dev.parley.application.schedule.port.in.ScheduledCallNotFoundException;
import dev.parley.application.shared.PageRequest;
import dev.parley.domain.schedule.ScheduleStatus;
import dev.parley.domain.schedule.ScheduledCallId;
import dev.parley.domain.shared.PhoneNumber;
import dev.parley.domain.shared.TenantId;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;


/** Scheduled calls (issue 16): book a call for later, list, move and cancel them; the tenant's calling window. */
@Controller
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Scheduled calls")
class ScheduledCallController {
    static final int DEFAULT_LIMIT = 20;
    private final ScheduleCallUseCase schedule;
    private final ListScheduledCallsUseCase list;
    private final GetScheduledCallUseCase get;
    private final MoveScheduledCallUseCase move;
    private final CancelScheduledCallUseCase cancel;
    private final CallingWindowUseCase windows;

    ScheduledCallController(ScheduleCallUseCase schedule, ListScheduledCallsUseCase list, GetScheduledCallUseCase get,
                            MoveScheduledCallUseCase move, CancelScheduledCallUseCase cancel, CallingWindowUseCase windows) {
        this.schedule = schedule;
        this.list = list;
        this.get = get;
        this.move = move;
        this.cancel = cancel;
        this.windows = windows;
    }

    @Operation(summary = "Schedule a call", description = "phone_number in E.164, scenario a built-in name or one of my custom "
            + "scenario ids, scheduled_time ISO 8601 with a zone offset, within the calling window, at most a year ahead. "
            + "3 per minute per user (429 with Retry-After).")
    @RateLimited("schedule-call")
    @Post(value = "/schedule-call", consumes = MediaType.APPLICATION_JSON)
    HttpResponse<?> create(HttpRequest<?> request, @Body ScheduleMessages.ScheduleCallRequest body, Authentication auth) {
        TenantId tenant = CurrentTenant.of(auth);
        PhoneNumber to = new PhoneNumber(body.phoneNumber() == null ? null : body.phoneNumber().strip());
        var created = schedule.schedule(new ScheduleCallCommand(tenant, to, body.scenario(), ScheduleMessages.time(body.scheduledTime())));
        return HttpResponse.created(ScheduleMessages.ScheduledCallResponse.from(created));
    }

    @Operation(summary = "List my scheduled calls, newest first", description = "status: scheduled, placing, placed, failed, canceled, missed")
    @Get("/scheduled-calls")
    ScheduleMessages.ScheduledCallList list(@QueryValue @Nullable String status, @QueryValue @Nullable Integer skip,
                                            @QueryValue @Nullable Integer limit, Authentication auth) {
        PageRequest page = new PageRequest(skip == null ? 0 : skip, limit == null ? DEFAULT_LIMIT : limit);
        ScheduleStatus filter = status == null || status.isBlank() ? null : ScheduleStatus.parse(status.strip());
        return ScheduleMessages.ScheduledCallList.from(list.list(CurrentTenant.of(auth), filter, page));
    }

    @Operation(summary = "One of my scheduled calls, with attempts, last_error and the placed call")
    @Get("/scheduled-calls/{id}")
    ScheduleMessages.ScheduledCallResponse get(@PathVariable String id, Authentication auth) {
        return ScheduleMessages.ScheduledCallResponse.from(get.get(CurrentTenant.of(auth), id(id)));
    }

    @Operation(summary = "Move a pending scheduled call", description = "409 once it is being placed or done.")
    @Put(value = "/scheduled-calls/{id}", consumes = MediaType.APPLICATION_JSON)
    ScheduleMessages.ScheduledCallResponse move(@PathVariable String id, @Body ScheduleMessages.MoveRequest body, Authentication auth) {
        return ScheduleMessages.ScheduledCallResponse.from(move.move(CurrentTenant.of(auth), id(id), ScheduleMessages.time(body.scheduledTime())));
    }

    @Operation(summary = "Cancel a pending scheduled call", description = "409 once it is being placed or done.")
    @Delete("/scheduled-calls/{id}")
    ScheduleMessages.ScheduledCallResponse delete(@PathVariable String id, Authentication auth) {
        return ScheduleMessages.ScheduledCallResponse.from(cancel.cancel(CurrentTenant.of(auth), id(id)));
    }

    @Operation(summary = "My calling window", description = "Default: every day, 00:00-24:00, UTC.")
    @Get("/settings/calling-window")
    ScheduleMessages.CallingWindowBody window(Authentication auth) {
        return ScheduleMessages.CallingWindowBody.from(windows.get(CurrentTenant.of(auth)));
    }

    @Operation(summary = "Set my calling window", description = "time_zone IANA, start/end HH:mm (end may be 24:00), days MON..SUN.")
    @Put(value = "/settings/calling-window", consumes = MediaType.APPLICATION_JSON)
    ScheduleMessages.CallingWindowBody setWindow(@Body ScheduleMessages.CallingWindowBody body, Authentication auth) {
        return ScheduleMessages.CallingWindowBody.from(windows.set(CurrentTenant.of(auth), body.toWindow()));
    }

    private static ScheduledCallId id(String raw) {
        try {
            long value = Long.parseLong(raw);
            if (value > 0) return new ScheduledCallId(value);
        } catch (NumberFormatException e) {
            // not one of ours
        }
        throw new ScheduledCallNotFoundException();
    }
}
