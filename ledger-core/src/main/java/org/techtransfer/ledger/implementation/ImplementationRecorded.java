package org.techtransfer.ledger.implementation;

import org.techtransfer.ledger.reward.Contributor;
import org.techtransfer.ledger.reward.RewardTerms;
import org.techtransfer.ledger.reward.SelfImplementationPolicy;

import java.time.LocalDate;
import java.util.List;

/** An implementation as recorded, with the reward terms and years fixed by the institution's policy then. */
public record ImplementationRecorded(String implementationId, String institutionId, String title,
                                     ImplementationMode mode, List<String> achievements, LocalDate productionStartedOn,
                                     SelfImplementationPolicy.Window window, RewardTerms terms,
                                     List<Contributor> contributors) {
}
