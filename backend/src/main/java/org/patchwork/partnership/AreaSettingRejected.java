package org.patchwork.partnership;

/** A setting of the area that names nothing Patchwork can load: unknown district codes or force area. */
public class AreaSettingRejected extends RuntimeException {

    AreaSettingRejected(String message) {
        super(message);
    }
}
