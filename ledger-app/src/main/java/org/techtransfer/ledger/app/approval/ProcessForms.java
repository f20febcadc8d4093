package org.techtransfer.ledger.app.approval;

import org.techtransfer.ledger.app.console.Form;
import org.techtransfer.ledger.approval.ApproveRewardDecision;
import org.techtransfer.ledger.approval.SetApprovalPolicy;
import org.techtransfer.ledger.deal.RecordDealNotice;

import java.util.List;

import static org.techtransfer.ledger.app.console.Form.Field.check;
import static org.techtransfer.ledger.app.console.Form.Field.date;
import static org.techtransfer.ledger.app.console.Form.Field.money;
import static org.techtransfer.ledger.app.console.Form.Field.rows;
import static org.techtransfer.ledger.app.console.Form.Field.text;

/** The forms of the institution's own process (issue 23), field for field as docs/api.md describes their bodies. */
final class ProcessForms {

    /** On the institution: the institution's id comes from the page, not from the form. */
    static final Form DEAL_NOTICE = new Form("deal-notices", "form.dealNotice", RecordDealNotice.class, "noticeId",
            List.of(text("noticeId", true), text("achievement", true), money("proposedPrice"), date("from"),
                    date("to")));

    static final Form APPROVAL_POLICY = new Form("approval-policy", "form.approvalPolicy", SetApprovalPolicy.class,
            "policyId", List.of(text("policyId", true), date("effectiveFrom"),
            rows("steps", text("level", true), money("from"))));

    /**
     * An approver's answer, drawn on the approvals page beside each decision; the contract, the decision and the
     * approver's level come from the page and the account.
     */
    static final Form APPROVAL = new Form("approvals", "form.approval", ApproveRewardDecision.class, "approvalId",
            List.of(text("approvalId", true), text("decisionId", true), check("approved"), date("on"),
                    text("note", false), text("minutesRef", false), text("level", true)));

    static final List<Form> ON_INSTITUTION = List.of(DEAL_NOTICE, APPROVAL_POLICY);

    private ProcessForms() {
    }
}
