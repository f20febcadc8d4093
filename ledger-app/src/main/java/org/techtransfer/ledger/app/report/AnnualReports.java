package org.techtransfer.ledger.app.report;

import org.axonframework.eventhandling.DomainEventMessage;
import org.springframework.stereotype.Component;
import org.techtransfer.ledger.app.contract.ContractReader;
import org.techtransfer.ledger.app.export.Sheet;
import org.techtransfer.ledger.app.projection.ReadYourWrites;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.app.web.NotFound;
import org.techtransfer.ledger.institution.Institutions;
import org.techtransfer.ledger.projections.achievement.AchievementRegistry;
import org.techtransfer.ledger.projections.achievement.AchievementRegistryProjection;
import org.techtransfer.ledger.projections.contract.ContractCatalog;
import org.techtransfer.ledger.projections.contract.ContractCatalogProjection;
import org.techtransfer.ledger.report.AnnualTransformation;
import org.techtransfer.ledger.rule.InvalidField;

import static org.techtransfer.ledger.app.export.Sheet.Type.CODE;
import static org.techtransfer.ledger.app.export.Sheet.Type.COUNT;
import static org.techtransfer.ledger.app.export.Sheet.Type.MONEY;
import static org.techtransfer.ledger.app.export.Sheet.Type.TEXT;

/**
 * An institution's annual transformation report (Law Art. 21): its contracts from the catalogue, each folded from
 * the event log into {@link AnnualTransformation}, and the achievements it obtained from the reserve library.
 */
@Component
class AnnualReports {

    private final ContractCatalog catalog;
    private final AchievementRegistry registry;
    private final ContractReader contracts;
    private final Institutions institutions;
    private final ReadYourWrites readYourWrites;

    AnnualReports(ContractCatalog catalog, AchievementRegistry registry, ContractReader contracts,
                  Institutions institutions, ReadYourWrites readYourWrites) {
        this.catalog = catalog;
        this.registry = registry;
        this.contracts = contracts;
        this.institutions = institutions;
        this.readYourWrites = readYourWrites;
    }

    /**
     * The report of the institution asked (a recorder's or approver's own when it names none; another is a 403);
     * the other roles name one.
     */
    AnnualTransformation.AnnualReport report(String institutionId, int year, Long position) {
        String scope = Access.institutionScope(institutionId);
        if (scope == null) {
            throw new InvalidField("institutionId", "names the institution reported on");
        }
        institutions.find(scope).orElseThrow(() -> new NotFound("no institution '" + scope + "'"));
        readYourWrites.await(ContractCatalogProjection.NAME, position);
        readYourWrites.await(AchievementRegistryProjection.NAME, position);
        AnnualTransformation report = new AnnualTransformation(scope, year);
        for (String contractId : catalog.idsOf(scope)) {
            report.add(contracts.events(contractId).stream().map(DomainEventMessage::getPayload).toList());
        }
        return report.report(registry.obtainedIn(scope, year));
    }

    /** The report as one sheet: a line per figure, the contracts' lines per mode, the leaders' by name. */
    static Sheet sheet(AnnualTransformation.AnnualReport r) {
        Sheet.Builder sheet = Sheet.of("annual-transformation-" + r.institutionId() + "-" + r.year(),
                new Sheet.Column("item", CODE), new Sheet.Column("name", TEXT), new Sheet.Column("count", COUNT),
                new Sheet.Column("amount", MONEY), new Sheet.Column("technologyAmount", MONEY),
                new Sheet.Column("shares", COUNT));
        sheet.row("ACHIEVEMENTS_OBTAINED", null, r.achievementsObtained(), null, null, null);
        for (AnnualTransformation.ContractsByMode m : r.contracts()) {
            sheet.row(m.kind().name(), null, m.contracts(), m.totalAmount(), m.technologyAmount(), null);
        }
        sheet.row("INCOME", null, null, r.income(), null, null);
        sheet.row("DEDUCTIBLE_COSTS", null, null, r.deductibleCosts(), null, null);
        sheet.row("NET_INCOME", null, null, r.netIncome(), null, null);
        sheet.row("SHARES_RECEIVED", null, null, null, null, r.sharesReceived());
        sheet.row("REWARD_DECIDED", null, (long) r.personsRewarded(), r.rewardDecided(), null, r.sharesRewarded());
        sheet.row("REWARD_PAID", null, null, r.rewardPaid(), null, null);
        sheet.row("LEADERS_REWARDED", null, (long) r.leadersRewarded(), r.leadersRewardDecided(), null, null);
        sheet.row("PRINCIPAL_HEADS_REWARDED", null, (long) r.principalHeadsRewarded(), r.principalHeadsRewardDecided(),
                null, null);
        for (AnnualTransformation.RewardedPerson p : r.leaders()) {
            sheet.row(p.principalHead() ? "PRINCIPAL_HEAD" : "LEADER", p.name() + " (" + p.personId() + ")", null,
                    p.rewardDecided(), null, p.sharesRewarded());
        }
        sheet.row("INSTITUTION_KEEPS", null, null, r.institutionKeeps(), null, r.sharesKept());
        return sheet.withoutTotal();
    }

}
