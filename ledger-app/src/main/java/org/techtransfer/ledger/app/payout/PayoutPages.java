package org.techtransfer.ledger.app.payout;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.techtransfer.ledger.app.console.ConsolePage;
import org.techtransfer.ledger.app.export.Exports;
import org.techtransfer.ledger.app.security.Access;
import org.techtransfer.ledger.money.Money;
import org.techtransfer.ledger.projections.payout.Payouts;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each person was allocated and paid, and a person's statement for a period: per contract and per
 * self-implementation, what was decided for them, what was paid and what is still unpaid. A recorder sees its own institution's contracts.
 */
@ConsolePage
class PayoutPages {

    /** One contract's, or one self-implementation's (its {@code implementationId} set), lines of a person's statement. */
    record ContractLines(String contractId, String institutionId, Money allocated, Money paid, Money unpaid,
                         List<Payouts.Item> items, String implementationId) {
    }

    private final Payouts payouts;
    private final Exports exports;

    PayoutPages(Payouts payouts, Exports exports) {
        this.payouts = payouts;
        this.exports = exports;
    }

    @GetMapping("/payouts")
    String payouts(@RequestParam(required = false) String institutionId,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                   Model model) {
        String scope = Access.institutionScope(blankToNull(institutionId));
        List<Payouts.PersonPayout> people = payouts.find(null, scope, from, to);
        model.addAttribute("people", people);
        model.addAttribute("institutionId", scope);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("allocated", people.stream().map(Payouts.PersonPayout::allocated).reduce(Money.ZERO, Money::plus));
        model.addAttribute("paid", people.stream().map(Payouts.PersonPayout::paid).reduce(Money.ZERO, Money::plus));
        model.addAttribute("unpaid", people.stream().map(Payouts.PersonPayout::unpaid).reduce(Money.ZERO, Money::plus));
        return "payouts";
    }

    @GetMapping("/payouts/{personId}")
    String statement(@PathVariable String personId,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                     @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                     Model model) {
        String scope = Access.institutionScope(null);
        List<Payouts.PersonPayout> found = payouts.find(personId, scope, from, to);
        Payouts.PersonPayout person = found.isEmpty() ? null : found.get(0);
        Map<String, List<Payouts.Item>> byContract = new LinkedHashMap<>();
        if (person != null) {
            // a contract and an implementation may share an id: each keeps its own lines
            person.items().forEach(i -> byContract.computeIfAbsent(i.implementationId() == null ? "C " + i.contractId()
                    : "I " + i.implementationId(), c -> new java.util.ArrayList<>()).add(i));
        }
        model.addAttribute("personId", personId);
        model.addAttribute("person", person);
        model.addAttribute("contracts", byContract.values().stream().map(PayoutPages::lines).toList());
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        return "statement";
    }

    /** The items of the list or of one person's statement as a spreadsheet: {@code format=xlsx} or {@code csv}. */
    @GetMapping("/payouts/export")
    ResponseEntity<byte[]> export(@RequestParam(required = false) String personId,
                                  @RequestParam(required = false) String institutionId,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @RequestParam(defaultValue = "xlsx") String format, Locale locale) {
        String scope = Access.institutionScope(blankToNull(institutionId));
        return exports.answer(PayoutController.sheet(payouts.find(blankToNull(personId), scope, from, to)),
                !"csv".equals(format), locale);
    }

    private static ContractLines lines(List<Payouts.Item> items) {
        Money allocated = Money.ZERO;
        Money paid = Money.ZERO;
        for (Payouts.Item item : items) {
            if (item.paymentId() != null) {
                paid = paid.plus(item.amount());
            } else {
                allocated = allocated.plus(item.amount());
            }
        }
        return new ContractLines(items.get(0).contractId(), items.get(0).institutionId(), allocated, paid,
                allocated.minus(paid), items, items.get(0).implementationId());
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
