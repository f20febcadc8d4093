package org.techtransfer.ledger.achievement;

import org.techtransfer.ledger.rule.Require;

/**
 * A person who made the achievement.
 *
 * @param personId optional: the contributors' person id when the inventor is one of them, so that the same
 *                 person is found on the contracts and in the library
 */
public record Inventor(String name, String personId) {

    public Inventor {
        Require.text(name, "name");
        if (personId != null) {
            Require.id(personId, "personId");
        }
    }
}
