package dev.recur.cli;

import java.nio.file.Path;

/** Where benchmark data lives: an explicit file, or a path under {@code $RECUR_DATA}. */
final class DataPaths {

    private DataPaths() {
    }

    static Path resolve(Path explicit, String underData) {
        if (explicit != null) {
            return explicit;
        }
        String root = System.getenv("RECUR_DATA");
        if (root == null || root.isBlank()) {
            throw new IllegalArgumentException("no data file: pass --data FILE or set RECUR_DATA to the folder holding "
                    + underData + " (e.g. RECUR_DATA=/work/shared/data)");
        }
        return Path.of(root).resolve(underData);
    }
}
