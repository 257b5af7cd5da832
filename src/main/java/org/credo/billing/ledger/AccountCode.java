package org.credo.billing.ledger;

/** The accounts every organization's chart has, seeded on first use, with their codes in the GL export. */
public enum AccountCode {
    CASH_CLEARING_CASH("1010", "Cash clearing: cash", "ASSET"),
    CASH_CLEARING_CHECK("1011", "Cash clearing: checks", "ASSET"),
    CASH_CLEARING_CARD("1012", "Cash clearing: card terminal", "ASSET"),
    CASH_CLEARING_ONLINE("1013", "Cash clearing: online payments", "ASSET"),
    RECEIVABLES("1100", "Accounts receivable (subledger per learner and sponsor)", "ASSET"),
    DEPOSITS_HELD("2100", "Deposits held", "LIABILITY"),
    REFUNDS_PAYABLE("2200", "Refunds payable", "LIABILITY"),
    TUITION_REVENUE("4000", "Tuition revenue", "REVENUE"),
    FEE_REVENUE("4100", "Fee revenue", "REVENUE"),
    WRITE_OFFS("6100", "Write-offs", "EXPENSE");

    private final String code;
    private final String label;
    private final String kind;

    AccountCode(String code, String label, String kind) {
        this.code = code;
        this.label = label;
        this.kind = kind;
    }

    /** The account's number in the organization's general ledger. */
    public String code() {
        return code;
    }

    /** The account's name. */
    public String label() {
        return label;
    }

    /** ASSET, LIABILITY, REVENUE or EXPENSE. */
    public String kind() {
        return kind;
    }
}
