package org.patchwork.disclosure;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The cell-key method: every published count is its true count moved by the ptable entry for the cell's
 * key. An event cell's key is the sum of its records' keys modulo 256 (the caller sums them in SQL with
 * the count), so the same set of records always gets the same adjustment, however the question is put;
 * a cell of uploaded statistics has no records, and takes its key from a keyed hash of its identity.
 * Totals are perturbed from their own records like any cell, never added up from perturbed parts.
 */
@Service
public class CellKeyPerturbation {

    private final DisclosureProperties properties;
    private final PerturbationTable aggregate;
    private final PerturbationTable publicTier;
    private final JdbcClient jdbc;
    private volatile byte[] secret;

    CellKeyPerturbation(DisclosureProperties properties, JdbcClient jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
        this.aggregate = table(properties.aggregate());
        this.publicTier = table(properties.publicTier());
    }

    private static PerturbationTable table(DisclosureProperties.Ptable p) {
        return PerturbationTable.generate(p.maxAdjustment(), p.variance(), p.threshold());
    }

    /** The count to publish for an event cell of {@code count} records whose keys add up to {@code keySum}. */
    public long events(Protection protection, long count, long keySum) {
        return publish(protection, count, (int) Math.floorMod(keySum, (long) PerturbationTable.KEYS));
    }

    /**
     * The count to publish for a cell of uploaded statistics: a dataset version's value of {@code measure}
     * for one area, category and period (null parts as empty).
     */
    public long statistic(Protection protection, long count, long versionId, String area, String category, String period,
                          String measure) {
        if (protection.exact()) {
            return count;
        }
        String identity = String.join("\u001f", String.valueOf(versionId), area, nullToEmpty(category), nullToEmpty(period),
                nullToEmpty(measure));
        return publish(protection, Math.max(0, count), cellKey(identity));
    }

    /** What a response says about the protection of its numbers: the method and ptable version, never the parameters. */
    public Map<String, Object> describe(Protection protection) {
        Map<String, Object> disclosure = new LinkedHashMap<>();
        if (protection.exact()) {
            disclosure.put("method", "none");
            return disclosure;
        }
        disclosure.put("method", "cell-key");
        disclosure.put("ptable", protection.tier().name().toLowerCase() + "-" + properties.ptableVersion());
        disclosure.put("roundedTo", protection.rounding());
        return disclosure;
    }

    /**
     * The variance of the noise a published count carries under this protection: the ptable's variance, plus
     * the variance of rounding to the nearest r (about r²/12); 0 for exact counts. Intervals add it to the
     * Poisson variance, so a difference that is only noise is not called significant.
     */
    public double variance(Protection protection) {
        if (protection.exact()) {
            return 0;
        }
        DisclosureProperties.Ptable table = protection.tier() == Protection.Tier.PUBLIC ? properties.publicTier() : properties.aggregate();
        double rounding = protection.rounding() > 1 ? protection.rounding() * (double) protection.rounding() / 12 : 0;
        return table.variance() + rounding;
    }

    DisclosureProperties properties() {
        return properties;
    }

    private long publish(Protection protection, long count, int cellKey) {
        if (protection.exact()) {
            return count;
        }
        PerturbationTable table = protection.tier() == Protection.Tier.PUBLIC ? publicTier : aggregate;
        long perturbed = table.perturb(count, cellKey);
        int rounding = protection.rounding();
        return rounding == 1 ? perturbed : Math.round((double) perturbed / rounding) * rounding;
    }

    /** HMAC-SHA256 of the cell's identity under the server's secret, its first two bytes mod 256. */
    private int cellKey(String identity) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret(), "HmacSHA256"));
            byte[] hash = mac.doFinal(identity.getBytes(StandardCharsets.UTF_8));
            return ((hash[0] & 0xff) << 8 | (hash[1] & 0xff)) % PerturbationTable.KEYS;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    private byte[] secret() {
        byte[] known = secret;
        if (known == null) {
            known = properties.secret().isEmpty()
                    ? jdbc.sql("select secret from disclosure_secret where id = 1").query(byte[].class).single()
                    : properties.secret().getBytes(StandardCharsets.UTF_8);
            secret = known;
        }
        return known;
    }

    private static String nullToEmpty(String text) {
        return text == null ? "" : text;
    }
}
