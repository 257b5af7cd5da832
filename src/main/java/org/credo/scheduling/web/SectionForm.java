package org.credo.scheduling.web;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.credo.scheduling.DeliveryMode;
import org.credo.scheduling.PartOfTerm;
import org.credo.scheduling.section.Section;
import org.credo.scheduling.section.SectionDraft;
import org.jspecify.annotations.Nullable;

/** The section form: the course (when new), part of term, number, seats, delivery, instructors and relations. */
public class SectionForm {

    private @Nullable String courseCode;
    private @Nullable PartOfTerm part = PartOfTerm.FULL;
    private @Nullable String number = "01";
    private @Nullable Integer capacity = 30;
    private @Nullable Integer waitlistCapacity = 10;
    private @Nullable DeliveryMode deliveryMode = DeliveryMode.IN_PERSON;
    private List<UUID> instructorIds = new ArrayList<>();
    private @Nullable UUID crossListWith;
    private @Nullable UUID linkedTo;

    static SectionForm of(Section s, List<Section> termSections) {
        var form = new SectionForm();
        form.courseCode = s.courseCode();
        form.part = s.part();
        form.number = s.number();
        form.capacity = s.capacity();
        form.waitlistCapacity = s.waitlistCapacity();
        form.deliveryMode = s.deliveryMode();
        form.instructorIds = new ArrayList<>(s.instructorIds());
        form.linkedTo = s.linkedTo();
        form.crossListWith = s.crossListGroup() == null
                ? null
                : termSections.stream()
                        .filter(o ->
                                !o.id().equals(s.id()) && s.crossListGroup().equals(o.crossListGroup()))
                        .map(Section::id)
                        .findFirst()
                        .orElse(null);
        return form;
    }

    SectionDraft draft() {
        return new SectionDraft(
                courseCode,
                part,
                number,
                capacity,
                waitlistCapacity,
                deliveryMode,
                instructorIds,
                crossListWith,
                linkedTo);
    }

    public @Nullable String getCourseCode() {
        return courseCode;
    }

    public void setCourseCode(@Nullable String courseCode) {
        this.courseCode = courseCode;
    }

    public @Nullable PartOfTerm getPart() {
        return part;
    }

    public void setPart(@Nullable PartOfTerm part) {
        this.part = part;
    }

    public @Nullable String getNumber() {
        return number;
    }

    public void setNumber(@Nullable String number) {
        this.number = number;
    }

    public @Nullable Integer getCapacity() {
        return capacity;
    }

    public void setCapacity(@Nullable Integer capacity) {
        this.capacity = capacity;
    }

    public @Nullable Integer getWaitlistCapacity() {
        return waitlistCapacity;
    }

    public void setWaitlistCapacity(@Nullable Integer waitlistCapacity) {
        this.waitlistCapacity = waitlistCapacity;
    }

    public @Nullable DeliveryMode getDeliveryMode() {
        return deliveryMode;
    }

    public void setDeliveryMode(@Nullable DeliveryMode deliveryMode) {
        this.deliveryMode = deliveryMode;
    }

    public List<UUID> getInstructorIds() {
        return instructorIds;
    }

    public void setInstructorIds(@Nullable List<UUID> instructorIds) {
        this.instructorIds = instructorIds == null ? new ArrayList<>() : instructorIds;
    }

    public @Nullable UUID getCrossListWith() {
        return crossListWith;
    }

    public void setCrossListWith(@Nullable UUID crossListWith) {
        this.crossListWith = crossListWith;
    }

    public @Nullable UUID getLinkedTo() {
        return linkedTo;
    }

    public void setLinkedTo(@Nullable UUID linkedTo) {
        this.linkedTo = linkedTo;
    }
}
