package org.techtransfer.ledger.reward;

import org.techtransfer.ledger.rule.Require;

/**
 * A person who made an important contribution to the achievement.
 *
 * @param principal  one of the principal contributors, who together get at least half of each reward
 * @param leadership holds a leadership post: paid only after a publicity notice (Beijing Art. 13)
 */
public record Contributor(String personId, String name, boolean principal, boolean leadership) {

    public Contributor {
        Require.id(personId, "personId");
        Require.text(name, "name");
    }
}
