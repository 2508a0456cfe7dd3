package org.leifeng.platform.internal;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Held by the Leifeng that runs a data directory's PostgreSQL, for as long as it runs: the operating system lets go
 * of it when that JVM ends, however it ends. A second start on the same directory (the platform, or
 * {@code --leifeng.verify-ledger}) is refused while it is held; without it, the second start would take the running
 * server for an orphan of a killed JVM ({@link StalePostmaster}) and shut it down under the first one.
 */
final class DataDirectoryLock implements AutoCloseable {

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirectoryLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    static DataDirectoryLock acquire(Path directory) throws IOException {
        FileChannel channel = FileChannel.open(directory.resolve("leifeng.lock"), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException heldHere) {
            lock = null;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("A Leifeng that is running uses " + directory
                    + "; two cannot share one data directory: stop it first");
        }
        return new DataDirectoryLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }
}
