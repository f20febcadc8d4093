package org.techtransfer.ledger.app.security;

import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The configured users, handed out as fresh copies (Spring erases the credentials of what it is given). */
public class LedgerUsers implements UserDetailsService {

    private final Map<String, LedgerUser> byName;

    LedgerUsers(List<LedgerUser> users) {
        this.byName = users.stream().collect(Collectors.toUnmodifiableMap(LedgerUser::getUsername, Function.identity()));
    }

    @Override
    public LedgerUser loadUserByUsername(String username) {
        LedgerUser user = byName.get(username);
        if (user == null) {
            throw new UsernameNotFoundException("no such user");
        }
        return new LedgerUser(user.getUsername(), user.getPassword(), user.role(), user.institutionId(),
                user.approvalLevel());
    }
}
