package org.techtransfer.ledger.app.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Clients recording incomes of {@link #AMOUNT} with ids of their own choosing, as a careful client
 * would: an answer {@code 201}/{@code 200} is an acknowledgement it keeps; a broken connection or a
 * {@code 503} leaves the income uncertain, to be sent again later with the same id.
 */
public final class IncomeLoad {

    public static final String AMOUNT = "10.00";
    private static final String PATH = "/api/v1/contracts/%s/incomes";

    public record Income(String contractId, String incomeId) {
    }

    public record Acknowledged(Income income, int status, long version, long position) {
    }

    private final List<String> contracts;
    private final String idPrefix;
    private final AtomicLong next = new AtomicLong();
    private final Map<String, Acknowledged> acknowledged = new ConcurrentHashMap<>();
    private final Set<Income> uncertain = ConcurrentHashMap.newKeySet();
    private final Set<Income> answeredUnavailable = ConcurrentHashMap.newKeySet();
    private final Queue<String> unexpected = new ConcurrentLinkedQueue<>();

    /** Incomes spread over {@code contracts}, their ids {@code idPrefix-1}, {@code idPrefix-2}, ... */
    public IncomeLoad(List<String> contracts, String idPrefix) {
        this.contracts = List.copyOf(contracts);
        this.idPrefix = idPrefix;
    }

    /** {@code clients} threads, each sending to {@code target.apply(n)} for its n-th request, until {@link Running#stop()}. */
    public Running start(int clients, IntFunction<LedgerClient> target) {
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < clients; t++) {
            Thread thread = new Thread(() -> {
                int n = 0;
                while (!stop.get()) {
                    long number = next.incrementAndGet();
                    Income income = new Income(contracts.get((int) (number % contracts.size())), idPrefix + "-" + number);
                    if (!send(target.apply(n++), income)) {
                        ServiceProcess.sleep(100); // the service is away: do not spin
                    }
                }
            }, "income-client-" + t);
            thread.start();
            threads.add(thread);
        }
        return new Running(stop, threads);
    }

    /** The clients of {@link #start}: stopping lets each finish the request it is in. */
    public static final class Running {
        private final AtomicBoolean stop;
        private final List<Thread> threads;

        private Running(AtomicBoolean stop, List<Thread> threads) {
            this.stop = stop;
            this.threads = threads;
        }

        /** Asks the clients to stop sending new incomes; returns at once. */
        public void stopSending() {
            stop.set(true);
        }

        /** Stops and waits until every client has its answer (or its broken connection). */
        public void stop() {
            stop.set(true);
            for (Thread thread : threads) {
                try {
                    thread.join(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
                if (thread.isAlive()) {
                    throw new IllegalStateException(thread.getName() + " still waits for an answer after 60 s");
                }
            }
        }
    }

    /** Sends {@code income} once; true when the ledger answered at all. */
    public boolean send(LedgerClient client, Income income) {
        LedgerClient.Response response;
        try {
            response = client.post("recorder-a", PATH.formatted(income.contractId()),
                    Deals.income(income.incomeId(), AMOUNT, "2026-03-15"));
        } catch (IllegalStateException brokenConnection) {
            uncertain.add(income);
            return false;
        }
        switch (response.status()) {
            case 200, 201 -> {
                var answer = response.json();
                acknowledged.put(income.incomeId(), new Acknowledged(income, response.status(),
                        answer.get("version").asLong(), answer.get("position").asLong()));
                uncertain.remove(income);
            }
            case 503 -> {
                // "unavailable" says nothing was recorded; "outcome-unknown" (connection lost mid-way) does not
                if (response.body().contains("urn:ledger:problem:unavailable")) {
                    answeredUnavailable.add(income);
                }
                uncertain.add(income);
            }
            default -> unexpected.add(income.incomeId() + ": " + response);
        }
        return true;
    }

    /**
     * Sends every uncertain income again with its id until the ledger acknowledges it.
     * Returns the answers: 201 for one that had not been recorded, 200 for one that had.
     */
    public Map<Income, Integer> retryUncertain(LedgerClient client) {
        Map<Income, Integer> answers = new ConcurrentHashMap<>();
        for (Income income : List.copyOf(uncertain)) {
            for (int attempt = 0; uncertain.contains(income); attempt++) {
                if (attempt == 50) {
                    throw new IllegalStateException("no acknowledgement for " + income + " after 50 attempts");
                }
                if (!send(client, income)) {
                    ServiceProcess.sleep(200);
                } else if (uncertain.contains(income)) {
                    ServiceProcess.sleep(200);
                }
            }
            Acknowledged answer = acknowledged.get(income.incomeId());
            if (answer != null) {
                answers.put(income, answer.status());
            }
        }
        return answers;
    }

    public Map<String, Acknowledged> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    public Set<Income> uncertain() {
        return Set.copyOf(uncertain);
    }

    /** Incomes the ledger answered {@code 503} "unavailable" (nothing recorded) at least once. */
    public Set<Income> answeredUnavailable() {
        return Set.copyOf(answeredUnavailable);
    }

    /** Answers other than 200, 201 and 503: none is expected. */
    public List<String> unexpected() {
        return List.copyOf(unexpected);
    }

    public long sent() {
        return next.get();
    }
}
