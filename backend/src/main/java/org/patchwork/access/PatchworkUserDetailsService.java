package org.patchwork.access;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/** Local accounts for form sign-in and HTTP Basic. User names are case-insensitive. */
@Service
class PatchworkUserDetailsService implements UserDetailsService {

    private final AccountStore accounts;

    PatchworkUserDetailsService(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public UserDetails loadUserByUsername(String username) {
        return accounts.user(username.strip().toLowerCase())
                .filter(user -> user.passwordHash() != null)
                .orElseThrow(() -> new UsernameNotFoundException("bad credentials"));
    }
}
