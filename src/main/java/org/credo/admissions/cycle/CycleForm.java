package org.credo.admissions.cycle;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The cycle form: times are typed in the organization's zone. */
public class CycleForm {

    private @Nullable UUID intakeId;
    private @Nullable String name;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private @Nullable LocalDateTime opensAt;

    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private @Nullable LocalDateTime closesAt;

    private CycleStatus status = CycleStatus.DRAFT;
    private @Nullable Integer acceptanceDays = 30;
    private @Nullable BigDecimal depositAmount;
    private @Nullable String depositCurrency;

    static CycleForm of(Cycle cycle, ZoneId zone) {
        var form = new CycleForm();
        form.intakeId = cycle.intakeId();
        form.name = cycle.name();
        form.opensAt = LocalDateTime.ofInstant(cycle.opensAt(), zone);
        form.closesAt = LocalDateTime.ofInstant(cycle.closesAt(), zone);
        form.status = cycle.status();
        form.acceptanceDays = cycle.acceptanceDays();
        form.depositAmount = cycle.depositAmount();
        form.depositCurrency = cycle.depositCurrency();
        return form;
    }

    CycleRequest request(ZoneId zone) {
        return new CycleRequest(
                intakeId,
                name,
                opensAt == null ? null : opensAt.atZone(zone).toInstant(),
                closesAt == null ? null : closesAt.atZone(zone).toInstant(),
                status,
                acceptanceDays,
                depositAmount,
                depositCurrency);
    }

    public @Nullable UUID getIntakeId() {
        return intakeId;
    }

    public void setIntakeId(@Nullable UUID intakeId) {
        this.intakeId = intakeId;
    }

    public @Nullable String getName() {
        return name;
    }

    public void setName(@Nullable String name) {
        this.name = name;
    }

    public @Nullable LocalDateTime getOpensAt() {
        return opensAt;
    }

    public void setOpensAt(@Nullable LocalDateTime opensAt) {
        this.opensAt = opensAt;
    }

    public @Nullable LocalDateTime getClosesAt() {
        return closesAt;
    }

    public void setClosesAt(@Nullable LocalDateTime closesAt) {
        this.closesAt = closesAt;
    }

    public CycleStatus getStatus() {
        return status;
    }

    public void setStatus(CycleStatus status) {
        this.status = status;
    }

    public @Nullable Integer getAcceptanceDays() {
        return acceptanceDays;
    }

    public void setAcceptanceDays(@Nullable Integer acceptanceDays) {
        this.acceptanceDays = acceptanceDays;
    }

    public @Nullable BigDecimal getDepositAmount() {
        return depositAmount;
    }

    public void setDepositAmount(@Nullable BigDecimal depositAmount) {
        this.depositAmount = depositAmount;
    }

    public @Nullable String getDepositCurrency() {
        return depositCurrency;
    }

    public void setDepositCurrency(@Nullable String depositCurrency) {
        this.depositCurrency = depositCurrency;
    }
}
