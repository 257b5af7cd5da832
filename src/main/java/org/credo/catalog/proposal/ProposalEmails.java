package org.credo.catalog.proposal;

import java.util.List;
import org.credo.catalog.approval.ApprovalChain;
import org.credo.notifications.Notifications;
import org.credo.platform.OrganizationSummary;
import org.credo.platform.Organizations;
import org.credo.platform.config.CredoProperties;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Emails about proposals through the notifications outbox, inside the deciding transaction: the
 * reviewers of the steps now pending, and the author on return, rejection and approval.
 */
@Component
class ProposalEmails {

    private final Notifications notifications;
    private final ApprovalChain chain;
    private final Organizations organizations;
    private final CredoProperties properties;
    private final JdbcClient jdbc;

    ProposalEmails(
            Notifications notifications,
            ApprovalChain chain,
            Organizations organizations,
            CredoProperties properties,
            JdbcClient jdbc) {
        this.notifications = notifications;
        this.chain = chain;
        this.organizations = organizations;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /** Asks everyone who may review the pending steps to review. */
    void reviewersOf(Proposal p, List<ProposalStep> pending) {
        var link = link(p);
        for (var step : pending) {
            for (var reviewer : chain.reviewers(p.organizationId(), step.role(), step.groupId())) {
                if (reviewer.personId().equals(p.authorId())) {
                    continue;
                }
                var subject = "Review requested: proposal #" + p.number() + " " + p.title();
                var text = """
                        Hello %s,

                        Proposal #%d "%s" (%s) by %s awaits your review at step "%s" of %s's approval chain.

                        Review it, and approve, return or reject it:
                        %s
                        """.formatted(
                                reviewer.name(),
                                p.number(),
                                p.title(),
                                p.itemName(),
                                p.authorName(),
                                step.name(),
                                organization(p),
                                link);
                var html = """
                        <p>Hello %s,</p>
                        <p>Proposal #%d <strong>%s</strong> (%s) by %s awaits your review at step "%s".</p>
                        <p><a href="%s">Review it</a>, and approve, return or reject it.</p>
                        """.formatted(
                                esc(reviewer.name()),
                                p.number(),
                                esc(p.title()),
                                esc(p.itemName()),
                                esc(p.authorName()),
                                esc(step.name()),
                                esc(link));
                notifications.enqueue(
                        p.organizationId(),
                        reviewer.email(),
                        subject,
                        text,
                        html,
                        "catalog-proposal:" + p.id() + ":review:" + step.id() + ":" + reviewer.personId());
            }
        }
    }

    /** Tells the author what happened: returned, rejected or approved (and published). */
    void author(Proposal p, String outcome, String by, @Nullable String comment, int round) {
        var author = jdbc.sql("SELECT email FROM person WHERE id = ?")
                .param(p.authorId())
                .query(String.class)
                .single();
        var subject = "Proposal #" + p.number() + " " + outcome + ": " + p.title();
        var said = comment == null || comment.isBlank() ? "" : "\n" + by + " wrote:\n\n" + comment + "\n";
        var text = """
                Hello %s,

                Your proposal #%d "%s" (%s) was %s by %s.
                %s
                %s
                """.formatted(p.authorName(), p.number(), p.title(), p.itemName(), outcome, by, said, link(p));
        var html = """
                <p>Hello %s,</p>
                <p>Your proposal #%d <strong>%s</strong> (%s) was %s by %s.</p>
                %s
                <p><a href="%s">Open the proposal</a></p>
                """.formatted(
                        esc(p.authorName()),
                        p.number(),
                        esc(p.title()),
                        esc(p.itemName()),
                        esc(outcome),
                        esc(by),
                        comment == null || comment.isBlank() ? "" : "<blockquote>" + esc(comment) + "</blockquote>",
                        esc(link(p)));
        notifications.enqueue(
                p.organizationId(),
                author,
                subject,
                text,
                html,
                "catalog-proposal:" + p.id() + ":" + outcome + ":" + round);
    }

    private String link(Proposal p) {
        return properties.link("/manage/catalog/proposals/" + p.id());
    }

    private String organization(Proposal p) {
        return organizations
                .find(p.organizationId())
                .map(OrganizationSummary::name)
                .orElse("Credo");
    }

    private static String esc(String s) {
        return HtmlUtils.htmlEscape(s);
    }
}
