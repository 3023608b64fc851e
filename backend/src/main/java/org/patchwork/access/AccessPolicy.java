package org.patchwork.access;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.patchwork.audit.AuditEntry;
import org.patchwork.audit.AuditLog;
import org.patchwork.disclosure.DisclosureRule;
import org.patchwork.disclosure.Protection;
import org.patchwork.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * The one access decision. Every output path (dataset listing, OGC API Features, counts, custom areas,
 * statistics, load reports) asks it, so the rules live here only:
 * <ul>
 * <li>open data: anyone who may use the app sees all of it;</li>
 * <li>the owner partner's users see records (its viewers, aggregates);</li>
 * <li>recipients of an agreement in force today get the level and smallest geography it names (but an
 * administrator never gets record access through an agreement they made);</li>
 * <li>administrators see that a dataset exists and its agreement (metadata), not its data;</li>
 * <li>anyone else does not learn that the dataset exists (404, not 403).</li>
 * </ul>
 */
@Service
public class AccessPolicy {

    private static final Map<String, Integer> GEOGRAPHY_RANK = Map.of("lsoa", 1, "msoa", 2, "ward", 3, "district", 4);

    private final AccessStore store;
    private final AuditLog audit;

    AccessPolicy(AccessStore store, AuditLog audit) {
        this.store = store;
        this.audit = audit;
    }

    /** The person making the current request. */
    public Viewer currentViewer() {
        return SessionController.viewerOf(SecurityContextHolder.getContext().getAuthentication());
    }

    /**
     * The viewer's access to the dataset. Within one read-only (GET/HEAD) request the answer is made once per
     * viewer and dataset and reused (a profile asks it for every indicator, a page for every item); a request
     * that may change agreements always decides afresh, and so does the next request.
     */
    public Access decide(Viewer viewer, long datasetId) {
        Map<DecisionKey, Access> memo = requestMemo();
        if (memo == null) {
            return decideNow(viewer, datasetId);
        }
        DecisionKey key = new DecisionKey(viewer, datasetId);
        Access access = memo.get(key);
        if (access == null) {
            access = decideNow(viewer, datasetId);
            memo.put(key, access);
        }
        return access;
    }

    private record DecisionKey(Viewer viewer, long datasetId) {
    }

    private static final String MEMO = AccessPolicy.class.getName() + ".decisions";

    @SuppressWarnings("unchecked")
    private static Map<DecisionKey, Access> requestMemo() {
        if (!(org.springframework.web.context.request.RequestContextHolder.getRequestAttributes()
                instanceof org.springframework.web.context.request.ServletRequestAttributes attributes)) {
            return null;
        }
        String method = attributes.getRequest().getMethod();
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return null;
        }
        Object memo = attributes.getAttribute(MEMO, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        if (memo == null) {
            memo = new java.util.HashMap<DecisionKey, Access>();
            attributes.setAttribute(MEMO, memo, org.springframework.web.context.request.RequestAttributes.SCOPE_REQUEST);
        }
        return (Map<DecisionKey, Access>) memo;
    }

    private Access decideNow(Viewer viewer, long datasetId) {
        var governance = store.governance(datasetId).orElse(null);
        if (governance == null) {
            return Access.none();
        }
        if (governance.openData()) {
            return new Access(AccessLevel.RECORD, "lsoa", DisclosureRule.NONE, "open data");
        }
        Access best = Access.none();
        if (viewer.partnerId() != null && viewer.partnerId().equals(governance.ownerPartnerId())) {
            best = viewer.role() == Role.VIEWER
                    ? new Access(AccessLevel.AGGREGATE, "lsoa", aggregateRule(governance), "your partner owns this dataset")
                    : new Access(AccessLevel.RECORD, "lsoa", DisclosureRule.NONE, "your partner owns this dataset");
        }
        for (AccessStore.Grant grant : store.grants(datasetId, viewer)) {
            AccessLevel level = AccessLevel.valueOf(grant.accessLevel().toUpperCase());
            if (level == AccessLevel.RECORD && viewer.isAdmin() && viewer.username().equals(grant.createdBy())) {
                continue;   // separation of duties: no administrator gains record access through an agreement they made
            }
            Access offered = new Access(level, grant.minGeography(), ruleFor(level, governance),
                    "sharing agreement " + grant.agreementId());
            if (better(offered, best)) {
                best = offered;
            }
        }
        if (best.level() == AccessLevel.NONE && viewer.isAdmin()) {
            return new Access(AccessLevel.METADATA, null, null, "administrator");
        }
        return best;
    }

    /**
     * The current viewer's access, or a problem: 404 when they may not know the dataset exists, 403 when
     * they know it but not at this level. Denials are audited with the output path asked for.
     */
    public Access require(long datasetId, AccessLevel needed, String output) {
        Viewer viewer = currentViewer();
        Access access = decide(viewer, datasetId);
        if (access.allows(needed)) {
            return access;
        }
        boolean exists = store.governance(datasetId).isPresent();
        audit(viewer, "denied", "denied", exists ? datasetId : null, output, null, exists
                ? "needed " + needed.key() + ", has " + access.level().key() : "no dataset " + datasetId);
        if (access.level() == AccessLevel.NONE) {
            throw ApiProblem.notFound("unknown-dataset", "There is no dataset with id '" + datasetId + "'");
        }
        throw new ApiProblem(HttpStatus.FORBIDDEN, "access-denied", "Forbidden",
                "Your access to this dataset is '" + access.level().key() + "' (" + access.basis() + "); this output needs '"
                        + needed.key() + "'. Ask the dataset's data manager about a sharing agreement.");
    }

    /** Whether the viewer belongs to the partner that owns the dataset. */
    public boolean isOwner(Viewer viewer, long datasetId) {
        return viewer.partnerId() != null && store.governance(datasetId)
                .map(g -> viewer.partnerId().equals(g.ownerPartnerId())).orElse(false);
    }

    /** Dataset ids the viewer may know about (metadata or more). */
    public List<Long> visibleDatasetIds(Viewer viewer) {
        return store.datasetIds().stream().filter(id -> decide(viewer, id).allows(AccessLevel.METADATA)).toList();
    }

    /** Records a refusal decided by an output path itself (e.g. a geography the agreement does not allow). */
    public void denied(long datasetId, String output, String detail) {
        audit(currentViewer(), "denied", "denied", datasetId, output, null, detail);
    }

    /** Records a refusal that concerns no dataset (an upload, a job, a role the path needs). */
    public void denied(String output, String detail) {
        audit(currentViewer(), "denied", "denied", null, output, null, detail);
    }

    /** Records an act by the current viewer that concerns no published dataset (e.g. an upload's preview). */
    public void audit(String action, String output, String detail) {
        audit(currentViewer(), action, "allowed", null, output, null, detail);
    }

    /** Records an act on a dataset by the current viewer in the audit trail. */
    public void audit(String action, long datasetId, String output, Integer rows, String detail) {
        audit(currentViewer(), action, "allowed", datasetId, output, rows, detail);
    }

    void audit(Viewer viewer, String action, String outcome, Long datasetId, String output, Integer rows, String detail) {
        audit.record(new AuditEntry(viewer.username(), viewer.partnerId(), viewer.partnerName(), action, outcome,
                datasetId, null, output, rows, detail));
    }

    /**
     * Geographies counts may be given at, smallest first: from {@code minGeography} up. Every level, MSOAs
     * and wards both: under cell-key perturbation subtracting one table from another gives noise, not a
     * count (the one-nested-chain rule of small-count suppression is gone).
     */
    public static List<String> allowedLevels(Access access) {
        int min = GEOGRAPHY_RANK.getOrDefault(access.minGeography(), 1);
        return GEOGRAPHY_RANK.entrySet().stream().filter(e -> e.getValue() >= min)
                .sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();
    }

    /**
     * How the figures this access shows are protected: exact for record-level access (and open data);
     * perturbed with the aggregate ptable for aggregate access; with the public ptable, then rounded as
     * the dataset's governance says, for the public level.
     */
    public static Protection protection(Access access) {
        if (access.rule() == null || access.rule() == DisclosureRule.NONE || access.allows(AccessLevel.RECORD)) {
            return Protection.EXACT;
        }
        return access.level() == AccessLevel.PUBLIC ? new Protection(Protection.Tier.PUBLIC, access.rule().rounding())
                : new Protection(Protection.Tier.AGGREGATE, 1);
    }

    private static boolean better(Access offered, Access current) {
        if (offered.level() != current.level()) {
            return offered.level().compareTo(current.level()) > 0;
        }
        return Comparator.<String>naturalOrder().compare(rank(offered.minGeography()), rank(current.minGeography())) < 0;
    }

    private static String rank(String geography) {
        return String.valueOf(GEOGRAPHY_RANK.getOrDefault(geography, 9));
    }

    private static DisclosureRule ruleFor(AccessLevel level, AccessStore.Governance governance) {
        return switch (level) {
            case RECORD -> DisclosureRule.NONE;
            case AGGREGATE -> aggregateRule(governance);
            default -> new DisclosureRule(governance.publicMaxSuppressed(), governance.publicRounding());
        };
    }

    private static DisclosureRule aggregateRule(AccessStore.Governance governance) {
        return new DisclosureRule(governance.aggregateMaxSuppressed(), 1);
    }
}
