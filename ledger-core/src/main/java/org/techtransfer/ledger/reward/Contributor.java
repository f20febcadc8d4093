package org.techtransfer.ledger.reward;

import org.techtransfer.ledger.rule.InvalidField;
import org.techtransfer.ledger.rule.Require;

/**
 * A person who made an important contribution to the achievement. Their leadership is one of none
 * ({@code leadership} false), leader, or principal head ({@code principalHead}, which needs {@code leadership}).
 *
 * @param principal     one of the principal contributors, who together get at least half of each reward
 * @param leadership    holds a leadership post: their rewards are publicised (the law's duty, Beijing Art. 13) and,
 *                      by the ledger's policy, paid only once the notice has ended
 * @param principalHead the principal head (正职领导) of the institution or of a legal entity it owns: cash rewards
 *                      as a leader, no equity (State Council Several Provisions, 国发〔2016〕16号). Absent in
 *                      contracts recorded before it existed, and optional in a command: absent, it is false.
 */
public record Contributor(String personId, String name, boolean principal, boolean leadership, Boolean principalHead) {

    public Contributor {
        principalHead = Boolean.TRUE.equals(principalHead); // optional in a command's body
        Require.id(personId, "personId");
        Require.text(name, "name");
        if (principalHead && !leadership) {
            throw new InvalidField("principalHead", "needs leadership: a principal head holds a leadership post");
        }
    }
}
