package org.techtransfer.ledger.app.command.internal;

/**
 * What the command log answers for a command: the aggregate's version after it and the global position
 * of its event, and whether it was a repeat of a command already recorded (then nothing new is recorded).
 * The position of a new command is known only once its event is in the log, just before the commit.
 */
public final class LoggedCommand {

    private final long version;
    private final boolean repeated;
    private long position;

    private LoggedCommand(long version, long position, boolean repeated) {
        this.version = version;
        this.position = position;
        this.repeated = repeated;
    }

    static LoggedCommand repeat(long version, long position) {
        return new LoggedCommand(version, position, true);
    }

    static LoggedCommand recorded(long version) {
        return new LoggedCommand(version, -1, false);
    }

    void placedAt(long position) {
        this.position = position;
    }

    public long version() {
        return version;
    }

    public long position() {
        return position;
    }

    public boolean repeated() {
        return repeated;
    }
}
