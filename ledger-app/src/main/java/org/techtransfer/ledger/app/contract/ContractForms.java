package org.techtransfer.ledger.app.contract;

import org.techtransfer.ledger.app.console.Form;
import org.techtransfer.ledger.approval.ApprovalLevel;
import org.techtransfer.ledger.app.console.Form.Field;
import org.techtransfer.ledger.contract.AmendContract;
import org.techtransfer.ledger.contract.ChangeContributors;
import org.techtransfer.ledger.contract.ContractKind;
import org.techtransfer.ledger.contract.CostCategory;
import org.techtransfer.ledger.contract.IncomeCategory;
import org.techtransfer.ledger.contract.LicenseScope;
import org.techtransfer.ledger.contract.RecordCost;
import org.techtransfer.ledger.contract.RecordIncome;
import org.techtransfer.ledger.contract.ReceiveEquity;
import org.techtransfer.ledger.contract.RegisterContract;
import org.techtransfer.ledger.contract.ReverseEntry;
import org.techtransfer.ledger.contract.TerminateContract;
import org.techtransfer.ledger.coownership.SetCoOwners;
import org.techtransfer.ledger.receivable.InstalmentKind;
import org.techtransfer.ledger.receivable.RecordMilestoneReached;
import org.techtransfer.ledger.receivable.ReportSales;
import org.techtransfer.ledger.receivable.SetPaymentTerms;
import org.techtransfer.ledger.deal.Pricing;
import org.techtransfer.ledger.institution.OrganisationType;
import org.techtransfer.ledger.reward.DecideCashReward;
import org.techtransfer.ledger.reward.DecideEquityReward;
import org.techtransfer.ledger.reward.IpKind;
import org.techtransfer.ledger.reward.PayReward;
import org.techtransfer.ledger.reward.RecordPublicity;
import org.techtransfer.ledger.reward.WithdrawRewardDecision;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.techtransfer.ledger.app.console.Form.Field.check;
import static org.techtransfer.ledger.app.console.Form.Field.date;
import static org.techtransfer.ledger.app.console.Form.Field.lines;
import static org.techtransfer.ledger.app.console.Form.Field.money;
import static org.techtransfer.ledger.app.console.Form.Field.number;
import static org.techtransfer.ledger.app.console.Form.Field.rows;
import static org.techtransfer.ledger.app.console.Form.Field.select;
import static org.techtransfer.ledger.app.console.Form.Field.text;

/** The forms of the commands on contracts, field for field as docs/api.md describes their bodies. */
final class ContractForms {

    /** The message prefix of each choice's options ("income.ROYALTY"): the forms' selects and the events shown on a contract. */
    private static final Map<Class<? extends Enum<?>>, String> OPTION_KEYS = Map.of(ContractKind.class, "kind",
            OrganisationType.class, "org", LicenseScope.class, "scope", IpKind.class, "ipKind", Pricing.class, "pricing",
            IncomeCategory.class, "income", CostCategory.class, "cost", InstalmentKind.class, "instalment",
            ApprovalLevel.class, "approvalLevel");

    static final Form REGISTER = new Form("register", "form.register", RegisterContract.class, "contractId", List.of(
            text("contractId", true), text("registrationNumber", true),
            choice("kind", ContractKind.class, true), text("sellerInstitutionId", true),
            text("buyer.name", true), choice("buyer.type", OrganisationType.class, true),
            text("buyer.regionCode", true), text("technologyField", true),
            money("totalAmount"), money("technologyAmount"), date("signedOn"),
            choice("licenseScope", LicenseScope.class, false), choice("ipKind", IpKind.class, false),
            choice("pricing", Pricing.class, false), text("dealNoticeId", false),
            lines("achievements"),
            rows("contributors", text("personId", true), text("name", true), check("principal"), check("leadership"),
                    check("principalHead"))));

    /** The message key of an option as the forms label it (a yes or no as a check box's), or null for any other value. */
    static String optionKey(Object value) {
        if (value instanceof Boolean yes) {
            return yes ? "common.yes" : "common.no";
        }
        String prefix = value instanceof Enum<?> option ? OPTION_KEYS.get(option.getDeclaringClass()) : null;
        return prefix == null ? null : prefix + "." + ((Enum<?>) value).name();
    }

    private static <E extends Enum<E>> Field choice(String name, Class<E> values, boolean required) {
        return select(name, values, OPTION_KEYS.get(values), required);
    }

    /** The forms on a registered contract, in the order a deal runs. */
    static final List<Form> ON_CONTRACT = List.of(
            new Form("incomes", "form.income", RecordIncome.class, "incomeId", List.of(
                    text("incomeId", true), money("amount"), date("receivedOn"),
                    choice("category", IncomeCategory.class, true))),
            new Form("costs", "form.cost", RecordCost.class, "costId", List.of(
                    text("costId", true), money("amount"), date("incurredOn"),
                    choice("category", CostCategory.class, true))),
            new Form("equity", "form.equity", ReceiveEquity.class, "equityId", List.of(
                    text("equityId", true), text("company", true), number("shares"), money("valuation"),
                    date("receivedOn"))),
            new Form("reward-decisions", "form.decision", DecideCashReward.class, "decisionId", List.of(
                    text("decisionId", true), date("decidedOn"), money("total"),
                    rows("allocations", text("personId", true), money("amount")))),
            new Form("equity-rewards", "form.equityReward", DecideEquityReward.class, "decisionId", List.of(
                    text("decisionId", true), date("decidedOn"), number("totalShares"),
                    rows("allocations", text("personId", true), number("shares")))),
            new Form("publicity", "form.publicity", RecordPublicity.class, "noticeId", List.of(
                    text("noticeId", true), text("decisionId", true), date("from"), date("to"))),
            new Form("withdrawals", "form.withdrawal", WithdrawRewardDecision.class, "withdrawalId", List.of(
                    text("withdrawalId", true), text("decisionId", true), text("reason", true))),
            new Form("payments", "form.payment", PayReward.class, "paymentId", List.of(
                    text("paymentId", true), text("personId", true), money("amount"), date("paidOn"),
                    text("reference", true))),
            new Form("contributors", "form.contributorsChange", ChangeContributors.class, "changeId", List.of(
                    text("changeId", true), text("reason", true),
                    rows("contributors", text("personId", true), text("name", true), check("principal"), check("leadership"),
                            check("principalHead")))),
            new Form("payment-terms", "form.paymentTerms", SetPaymentTerms.class, "termsId", List.of(
                    text("termsId", true), text("changeReason", false),
                    rows("instalments", text("instalmentId", true), choice("kind", InstalmentKind.class, true),
                            money("amount"), optional(date("dueOn")), text("milestone", false)),
                    optional(number("royalty.rate")), optional(money("royalty.minimumAnnual")),
                    optional(number("royalty.firstYear")), optional(number("royalty.lastYear")),
                    optional(number("royalty.paymentDays")))),
            new Form("sales-reports", "form.salesReport", ReportSales.class, "reportId", List.of(
                    text("reportId", true), date("periodFrom"), date("periodTo"), money("netSales"))),
            new Form("milestones", "form.milestoneReached", RecordMilestoneReached.class, "reachedId", List.of(
                    text("reachedId", true), text("instalmentId", true), date("reachedOn"), text("note", false))),
            new Form("co-owners", "form.coOwners", SetCoOwners.class, "coOwnershipId", List.of(
                    text("coOwnershipId", true), rows("owners", text("institutionId", true), number("share")))),
            new Form("amendments", "form.amendment", AmendContract.class, "amendmentId", List.of(
                    text("amendmentId", true), money("totalAmount"), money("technologyAmount"), text("reason", true))),
            new Form("reversals", "form.reversal", ReverseEntry.class, "reversalId", List.of(
                    text("reversalId", true), text("entryId", true), text("reason", true))),
            new Form("termination", "form.termination", TerminateContract.class, "contractId", List.of(
                    date("terminatedOn"), text("reason", true))));

    /**
     * The forms a co-owner other than the seller records its own reward with, on its own share (issue 15): the
     * seller's forms, sent with the co-owner's {@code institutionId} taken from the page's path.
     */
    static final List<Form> FOR_CO_OWNER = ON_CONTRACT.stream()
            .filter(f -> List.of("reward-decisions", "equity-rewards", "publicity", "payments", "withdrawals", "reversals")
                    .contains(f.name()))
            .toList();

    private ContractForms() {
    }

    static Optional<Form> forCoOwner(String name) {
        return FOR_CO_OWNER.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    /** The field, left out of the body when blank: the command tells whether it was needed. */
    private static Form.Field optional(Form.Field field) {
        return new Form.Field(field.name(), field.kind(), false, field.options(), field.optionKey(), field.columns());
    }

    static Optional<Form> onContract(String name) {
        return ON_CONTRACT.stream().filter(f -> f.name().equals(name)).findFirst();
    }
}
