package org.techtransfer.ledger.app.contract;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.techtransfer.ledger.contract.RegistrationNumbers;

/**
 * The registration-number register in PostgreSQL. It runs inside the command's transaction (Axon's
 * unit of work and this template share the Spring-managed connection), so the claim commits or rolls
 * back together with the contract's first event. A concurrent claim of the same number waits for the
 * first one's transaction and then finds the number taken.
 */
@Component
class JdbcRegistrationNumbers implements RegistrationNumbers {

    private final JdbcTemplate jdbc;

    JdbcRegistrationNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean claim(String registrationNumber, String contractId) {
        int inserted = jdbc.update("""
                INSERT INTO registration_number (registration_number, contract_id) VALUES (?, ?)
                ON CONFLICT (registration_number) DO NOTHING""", registrationNumber, contractId);
        if (inserted == 1) {
            return true;
        }
        String holder = jdbc.queryForObject(
                "SELECT contract_id FROM registration_number WHERE registration_number = ?",
                String.class, registrationNumber);
        return contractId.equals(holder);
    }
}
