package dev.recur.io;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes a file so that, whatever happens, the target holds either its previous content or the
 * complete new content: the bytes go to a temporary file in the same directory, which is flushed
 * to disk ({@code fsync}) and then renamed over the target in one atomic step; the directory is
 * flushed too where the platform allows. On any failure the temporary file is deleted and the
 * target is untouched.
 */
public final class AtomicFile {

    /** Writes a file's content; the channel is positioned at 0. */
    @FunctionalInterface
    public interface Body {
        void writeTo(FileChannel channel) throws IOException;
    }

    private AtomicFile() {
    }

    /**
     * Fails fast, before any expensive work, if {@code target} cannot be written: checks that its
     * directory exists and that a file can be created in it.
     *
     * @throws IllegalArgumentException naming the path and the fix
     */
    public static void checkWritable(Path target) {
        Path file = target.toAbsolutePath();
        Path dir = file.getParent();
        if (Files.isDirectory(file)) {
            throw new IllegalArgumentException("Cannot write " + file + ": it is a directory. Give a file name, such as "
                    + file.resolve("model.safetensors") + ".");
        }
        if (!Files.exists(dir)) {
            throw new IllegalArgumentException("Cannot write " + file + ": the directory " + dir
                    + " does not exist. Create it first (mkdir -p " + dir + ") or choose another path.");
        }
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("Cannot write " + file + ": " + dir
                    + " is not a directory. Choose another path.");
        }
        Path probe = temporarySibling(file);
        try {
            Files.newByteChannel(probe, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
            Files.delete(probe);
        } catch (IOException e) {
            throw new IllegalArgumentException("Cannot write " + file + ": files cannot be created in the directory "
                    + dir + " (" + e + "). Choose a writable directory or change its permissions.", e);
        }
    }

    /**
     * Writes {@code target} atomically with the bytes {@code body} produces.
     *
     * @throws IllegalArgumentException if the target cannot be written (see {@link #checkWritable})
     * @throws UncheckedIOException     if writing fails; the previous target is then unchanged
     */
    public static void write(Path target, Body body) {
        checkWritable(target);
        Path file = target.toAbsolutePath();
        Path temporary = temporarySibling(file);
        boolean moved = false;
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE)) {
                body.writeTo(channel);
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            moved = true;
            syncDirectory(file.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + file + " (" + e + "); the previous file, if any,"
                    + " is unchanged. Check the free disk space and the directory's permissions.", e);
        } finally {
            if (!moved) {
                deleteQuietly(temporary);
            }
        }
    }

    /** A hidden, unique name next to the target: {@code .model.safetensors.3f9a...tmp}. */
    private static Path temporarySibling(Path file) {
        String suffix = HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        return file.resolveSibling("." + file.getFileName() + "." + suffix + ".tmp");
    }

    /** Makes the rename itself durable. Not possible on every platform (Windows cannot open a directory). */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException notSupported) {
            // the file itself is complete and renamed; only durability across a power cut is weaker
        }
    }

    private static void deleteQuietly(Path temporary) {
        try {
            Files.deleteIfExists(temporary);
        } catch (IOException ignored) {
            // nothing more can be done; the name is hidden and unique, so it harms nothing
        }
    }
}
