package org.patchwork.access;

import org.springframework.stereotype.Service;

/** Partners for other features: set-up names the partner that owns the data it loads. */
@Service
public class PartnerDirectory {

    private final AccountStore accounts;

    PartnerDirectory(AccountStore accounts) {
        this.accounts = accounts;
    }

    /** The id of the partner with this name, created (of this kind) if there is none. */
    public long ensure(String name, String kind) {
        return accounts.partnerByName(name).map(AccountStore.Partner::id).orElseGet(() -> accounts.createPartner(name, kind));
    }
}
