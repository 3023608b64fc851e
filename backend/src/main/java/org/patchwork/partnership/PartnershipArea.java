package org.patchwork.partnership;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.patchwork.gdal.StagingTables;
import org.patchwork.sql.SqlScripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The partnership's area, stored in the database: settled on first start from {@code patchwork.area}
 * ({@code PATCHWORK_AREA}; default the Merseyside police force area), widened later by an administrator.
 * A widening loads the reference data of the added districts and keeps everything loaded; a narrowing is
 * refused while a partner dataset holds rows in a district it would drop.
 */
@Service
public class PartnershipArea {

    private static final Logger log = LoggerFactory.getLogger(PartnershipArea.class);

    /** The five districts of the Merseyside police force area, which have regional boundary files. */
    public static final Set<String> MERSEYSIDE = Set.of("E08000011", "E08000012", "E08000013", "E08000014", "E08000015");

    private final String configured;
    private final Path dataDir;
    private final AreaResolver resolver;
    private final AreaLoader loader;
    private final StagingTables staging;
    private final JdbcClient jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate transaction;
    private NationalFiles staged;

    PartnershipArea(@Value("${patchwork.area:Merseyside}") String configured, @Value("${patchwork.data.dir:../shared/data}") String dataDir,
                    AreaResolver resolver, AreaLoader loader, StagingTables staging, JdbcClient jdbc, NamedParameterJdbcTemplate named,
                    TransactionTemplate transaction) {
        this.configured = configured;
        this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
        this.resolver = resolver;
        this.loader = loader;
        this.staging = staging;
        this.jdbc = jdbc;
        this.named = named;
        this.transaction = transaction;
    }

    /** The stored area, if one has been settled. */
    public Optional<Area> current() {
        List<Map<String, Object>> rows = jdbc.sql("select setting, name from partnership_area").query().listOfRows();
        if (rows.isEmpty()) {
            return Optional.empty();
        }
        List<District> districts = jdbc.sql("select lad_code, lad_name from partnership_district order by lad_code")
                .query((rs, n) -> new District(rs.getString(1), rs.getString(2))).list();
        return Optional.of(new Area((String) rows.get(0).get("setting"), (String) rows.get(0).get("name"), districts, loadedLsoas()));
    }

    /** What uploads tell people about the area: its name and how many LSOAs are loaded ("the loaded areas" before one is settled). */
    public Area describe() {
        return current().orElseGet(() -> new Area("", "the loaded areas", List.of(), loadedLsoas()));
    }

    private int loadedLsoas() {
        return jdbc.sql("select count(*) from area where level = 'lsoa'").query(Integer.class).single();
    }

    /** Whether the area is exactly the five Merseyside districts, which are loaded from their regional files. */
    public static boolean isMerseyside(Area area) {
        return area.districts().size() == MERSEYSIDE.size() && area.districts().stream().allMatch(d -> MERSEYSIDE.contains(d.code()));
    }

    /**
     * The area on start: the stored one, or (first start) {@code patchwork.area} resolved against the national files
     * and stored. A different setting on a later start is logged and ignored: the admin page changes the area.
     */
    public synchronized Area settle() {
        Optional<Area> stored = current();
        if (stored.isPresent()) {
            if (!stored.get().setting().equalsIgnoreCase(configured.strip()) && !stored.get().name().equalsIgnoreCase(configured.strip())) {
                log.warn("patchwork.area is '{}' but the partnership's area is already '{}'; change it on the admin page (Area)",
                        configured, stored.get().name());
            }
            return stored.get();
        }
        NationalFiles files = files();
        try {
            AreaResolver.Resolved resolved;
            try {
                resolved = resolver.resolve(configured, files);
            } catch (AreaSettingRejected e) {
                throw new IllegalStateException("PATCHWORK_AREA (patchwork.area): " + e.getMessage(), e);
            }
            transaction.executeWithoutResult(status -> {
                jdbc.sql("insert into partnership_area (setting, name) values (:setting, :name)")
                        .param("setting", resolved.setting()).param("name", resolved.name()).update();
                insertDistricts(resolved.districts(), 0);
            });
            log.info("The partnership's area is {} ({} districts)", resolved.name(), resolved.districts().size());
        } catch (RuntimeException e) {
            files.close();
            throw e;
        }
        Area area = current().orElseThrow();
        if (isMerseyside(area)) {
            files.close();
        } else {
            staged = files;   // the national files just staged serve the load that follows
        }
        return area;
    }

    /** Whether the national files are in the data directory (without them there is nothing to settle an area from). */
    public boolean nationalFilesPresent() {
        try (NationalFiles files = files()) {
            return files.present();
        }
    }

    /** First start of an area that is not Merseyside's five districts: its reference data from the national files. */
    public synchronized void loadFromNationalFiles() {
        Area area = current().orElseThrow(() -> new IllegalStateException("No partnership area settled"));
        try (NationalFiles files = staged != null ? staged : files()) {
            staged = null;
            loader.load(codes(area.districts()), "", area.name(), files);
        }
    }

    /** What a change of the area did: the area now, and the districts added. */
    public record Change(Area area, List<District> added) {
    }

    /** A change that would drop districts where partner datasets hold rows, refused. */
    public static class NarrowingRefused extends RuntimeException {
        private final List<District> dropped;
        private final List<Map<String, Object>> datasets;

        NarrowingRefused(String message, List<District> dropped, List<Map<String, Object>> datasets) {
            super(message);
            this.dropped = dropped;
            this.datasets = datasets;
        }

        public List<District> dropped() {
            return dropped;
        }

        public List<Map<String, Object>> datasets() {
            return datasets;
        }
    }

    /**
     * Sets the area to {@code setting} (district codes, a force area's name, or england). Districts it adds are
     * loaded; districts it drops are removed only when no partner dataset holds rows there, else the whole change
     * is refused with those datasets named.
     */
    public synchronized Change change(String setting) {
        Area before = current().orElseThrow(() -> new IllegalStateException("No partnership area settled"));
        try (NationalFiles files = files()) {
            AreaResolver.Resolved resolved = resolver.resolve(setting, files);
            return apply(before, resolved.setting(), resolved.name(), resolved.districts(), files);
        }
    }

    /** Adds districts (codes) to the area, keeping everything it has. */
    public synchronized Change widen(List<String> codes) {
        Area before = current().orElseThrow(() -> new IllegalStateException("No partnership area settled"));
        try (NationalFiles files = files()) {
            AreaResolver.Resolved added = resolver.resolve(String.join(",", codes), files);
            Set<String> all = new LinkedHashSet<>(codes(before.districts()));
            List<District> districts = new ArrayList<>(before.districts());
            List<District> newOnes = added.districts().stream().filter(d -> !all.contains(d.code())).toList();
            districts.addAll(newOnes);
            String name = newOnes.isEmpty() ? before.name() : before.name() + " with " + AreaResolver.nameOf(newOnes);
            String setting = String.join(",", districts.stream().map(District::code).sorted().toList());
            return apply(before, setting, name, districts, files);
        }
    }

    private Change apply(Area before, String setting, String name, List<District> districts, NationalFiles files) {
        Set<String> now = Set.copyOf(codes(districts));
        Set<String> had = Set.copyOf(codes(before.districts()));
        List<District> added = districts.stream().filter(d -> !had.contains(d.code())).toList();
        List<District> dropped = before.districts().stream().filter(d -> !now.contains(d.code())).toList();
        if (!dropped.isEmpty()) {
            List<Map<String, Object>> holding = named.queryForList(SqlScripts.load("partnership/rows_in_districts"),
                    new MapSqlParameterSource("districts", codes(dropped)));
            if (!holding.isEmpty()) {
                throw new NarrowingRefused("The area cannot drop " + AreaResolver.nameOf(dropped) + ": "
                        + String.join("; ", holding.stream().map(h -> "'" + h.get("title") + "' has " + h.get("rows") + " rows there").toList())
                        + ". Withdraw those datasets' versions first, or keep those districts.", dropped, holding);
            }
        }
        int widening = jdbc.sql("select coalesce(max(widening), 0) + 1 from partnership_district").query(Integer.class).single();
        transaction.executeWithoutResult(status -> {
            jdbc.sql("update partnership_area set setting = :setting, name = :name, changed_at = now()")
                    .param("setting", setting).param("name", name).update();
            if (!dropped.isEmpty()) {
                MapSqlParameterSource params = new MapSqlParameterSource("districts", codes(dropped));
                for (String statement : SqlScripts.load("partnership/drop_districts").split(";")) {
                    named.update(statement, params);
                }
            }
            insertDistricts(added, widening);
        });
        if (!added.isEmpty()) {
            loader.load(codes(added), "-widening-" + widening, name + ", widening " + widening, files);
        }
        log.info("The partnership's area is now {}: {} districts added, {} dropped", name, added.size(), dropped.size());
        return new Change(current().orElseThrow(), added);
    }

    private void insertDistricts(List<District> districts, int widening) {
        for (District district : districts) {
            jdbc.sql("insert into partnership_district (lad_code, lad_name, widening) values (:code, :name, :widening)")
                    .param("code", district.code()).param("name", district.name()).param("widening", widening).update();
        }
    }

    private static List<String> codes(List<District> districts) {
        return districts.stream().map(District::code).toList();
    }

    private NationalFiles files() {
        return new NationalFiles(dataDir, staging, jdbc);
    }
}
