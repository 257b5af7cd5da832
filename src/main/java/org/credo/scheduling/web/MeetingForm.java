package org.credo.scheduling.web;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import org.credo.scheduling.section.Meeting;
import org.credo.scheduling.section.MeetingDraft;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The meeting form: days of the week, times, dates (empty: the whole part of term) and room. */
public class MeetingForm {

    private List<DayOfWeek> days = new ArrayList<>();

    @DateTimeFormat(pattern = "HH:mm")
    private @Nullable LocalTime startsAt;

    @DateTimeFormat(pattern = "HH:mm")
    private @Nullable LocalTime endsAt;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate startsOn;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
    private @Nullable LocalDate endsOn;

    private @Nullable UUID roomId;

    static MeetingForm of(Meeting m) {
        var form = new MeetingForm();
        form.days = new ArrayList<>(m.days());
        form.startsAt = m.startsAt();
        form.endsAt = m.endsAt();
        form.startsOn = m.startsOn();
        form.endsOn = m.endsOn();
        form.roomId = m.roomId();
        return form;
    }

    MeetingDraft draft() {
        return new MeetingDraft(
                days.isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(days),
                startsAt,
                endsAt,
                startsOn,
                endsOn,
                roomId);
    }

    public List<DayOfWeek> getDays() {
        return days;
    }

    public void setDays(@Nullable List<DayOfWeek> days) {
        this.days = days == null ? new ArrayList<>() : days;
    }

    public @Nullable LocalTime getStartsAt() {
        return startsAt;
    }

    public void setStartsAt(@Nullable LocalTime startsAt) {
        this.startsAt = startsAt;
    }

    public @Nullable LocalTime getEndsAt() {
        return endsAt;
    }

    public void setEndsAt(@Nullable LocalTime endsAt) {
        this.endsAt = endsAt;
    }

    public @Nullable LocalDate getStartsOn() {
        return startsOn;
    }

    public void setStartsOn(@Nullable LocalDate startsOn) {
        this.startsOn = startsOn;
    }

    public @Nullable LocalDate getEndsOn() {
        return endsOn;
    }

    public void setEndsOn(@Nullable LocalDate endsOn) {
        this.endsOn = endsOn;
    }

    public @Nullable UUID getRoomId() {
        return roomId;
    }

    public void setRoomId(@Nullable UUID roomId) {
        this.roomId = roomId;
    }
}
