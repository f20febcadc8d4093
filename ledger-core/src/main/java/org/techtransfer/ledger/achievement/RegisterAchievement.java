package org.techtransfer.ledger.achievement;

import org.techtransfer.ledger.command.LedgerCommand;
import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;

/**
 * Enters an achievement into the reserve library.
 *
 * @param ownerInstitutionIds the owners, co-owners allowed; each a registered institution
 * @param number              the grant or filing number (patent number, registration number of a copyright, ...)
 * @param numberDate          the date of that grant or filing
 * @param stage               optional, {@code RESERVE} when absent; never a final stage
 */
public record RegisterAchievement(String achievementId, AchievementKind kind, String title,
                                  List<String> ownerInstitutionIds, List<Inventor> inventors, String technologyField,
                                  String number, LocalDate numberDate, String regionCode, Stage stage)
        implements LedgerCommand {

    public RegisterAchievement {
        Require.id(achievementId, "achievementId");
        Require.present(kind, "kind");
        Require.text(title, "title");
        ownerInstitutionIds = Require.distinct(ownerInstitutionIds, Function.identity(), "ownerInstitutionIds");
        for (int i = 0; i < ownerInstitutionIds.size(); i++) {
            Require.id(ownerInstitutionIds.get(i), "ownerInstitutionIds[" + i + "]");
        }
        // namesakes are common: one person twice is the same person id, or the same name where neither has one
        inventors = Require.distinct(inventors, i -> i.personId() != null ? "person " + i.personId() : "name " + i.name(),
                "inventors");
        Require.text(technologyField, "technologyField");
        Require.id(number, "number");
        Require.present(numberDate, "numberDate");
        Require.regionCode(regionCode, "regionCode");
        stage = stage == null ? Stage.RESERVE : stage;
        if (stage.isFinal()) {
            throw new InvalidField("stage", "an achievement enters the library as RESERVE, OFFERED or IN_NEGOTIATION");
        }
    }

    @Override
    public String aggregateId() {
        return Achievement.streamOf(achievementId);
    }

    @Override
    public String ownId() {
        return achievementId;
    }
}
