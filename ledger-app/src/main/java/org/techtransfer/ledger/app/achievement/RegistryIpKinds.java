package org.techtransfer.ledger.app.achievement;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.techtransfer.ledger.achievement.AchievementKind;
import org.techtransfer.ledger.contract.RegisterContract;

import java.util.ArrayList;
import java.util.List;

/**
 * Issue 22's gap: a contract registered without {@code ipKind} that names achievements of the reserve library takes
 * the kind their kinds give ({@link AchievementKind#ipKindOf}). Only when the library has every one it names (by
 * id or grant/filing number): otherwise the kind stays unknown, as the recorder left it.
 */
@Component
public class RegistryIpKinds {

    private final JdbcTemplate jdbc;

    RegistryIpKinds(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public RegisterContract derive(RegisterContract c) {
        if (c.ipKind() != null || c.achievements().isEmpty()) {
            return c;
        }
        List<AchievementKind> kinds = new ArrayList<>();
        for (String named : c.achievements()) {
            List<String> found = jdbc.queryForList("SELECT kind FROM achievement WHERE achievement_id = ? OR number = ? "
                    + "ORDER BY achievement_id LIMIT 1", String.class, named, named);
            if (found.isEmpty()) {
                return c;
            }
            kinds.add(AchievementKind.valueOf(found.get(0)));
        }
        return new RegisterContract(c.contractId(), c.registrationNumber(), c.kind(), c.sellerInstitutionId(),
                c.buyer(), c.technologyField(), c.totalAmount(), c.technologyAmount(), c.signedOn(), c.contributors(),
                c.licenseScope(), c.achievements(), AchievementKind.ipKindOf(kinds));
    }
}
