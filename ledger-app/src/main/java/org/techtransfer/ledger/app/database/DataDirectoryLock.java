package org.techtransfer.ledger.app.database;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A ledger's hold on its data directory: a lock on {@code ledger.lock} in it, which the operating system
 * frees when the JVM ends, however it ends. So a postmaster found running on a directory whose lock is free
 * was left behind by a ledger that died; one found while the lock is held belongs to a live ledger.
 */
final class DataDirectoryLock implements AutoCloseable {

    static final String FILE = "ledger.lock";
    /**
     * Directories locked by this JVM. A second channel on the file must never be opened here: closing any
     * channel of a file drops every lock this process holds on it.
     */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path directory;
    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(Path directory, FileChannel channel, FileLock lock) {
        this.directory = directory;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the directory, or throws {@link DataDirectoryInUse} when a live ledger holds it. */
    static DataDirectoryLock acquire(Path directory) throws IOException {
        String self = Long.toString(ProcessHandle.current().pid());
        if (!HELD.add(directory)) {
            throw new DataDirectoryInUse(directory, self);
        }
        FileChannel channel = null;
        try {
            channel = FileChannel.open(directory.resolve(FILE), StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                throw new DataDirectoryInUse(directory, holder(channel));
            }
            // the pid is for the message another ledger gives; the lock, not the pid, says who holds the directory
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(self.getBytes(StandardCharsets.US_ASCII)), 0);
            return new DataDirectoryLock(directory, channel, lock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            HELD.remove(directory);
            throw e;
        }
    }

    private static String holder(FileChannel channel) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(20);
        channel.read(buffer, 0);
        return new String(buffer.array(), 0, buffer.position(), StandardCharsets.US_ASCII).trim();
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
            channel.close();
        } finally {
            HELD.remove(directory);
        }
    }
}
