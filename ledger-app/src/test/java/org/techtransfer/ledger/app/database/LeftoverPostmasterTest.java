package org.techtransfer.ledger.app.database;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the start does with a {@code postmaster.pid} that no postmaster of this directory stands behind (a stopped
 * postmaster of a running ledger is covered by EmbeddedCrashTest): a pid now used by another program is a stale
 * file, removed, and that program left alone; a pid no process has is left to PostgreSQL.
 */
class LeftoverPostmasterTest {

    @Test
    void a_pid_file_naming_another_program_is_removed_and_the_program_left_alone(@TempDir Path pg) throws Exception {
        Path pidFile = pg.resolve("postmaster.pid");
        Files.writeString(pidFile, ProcessHandle.current().pid() + "\n" + pg + "\n");

        LeftoverPostmaster.stopIfRunning(pg);

        assertThat(pidFile).doesNotExist();
        assertThat(ProcessHandle.current().isAlive()).isTrue(); // this JVM was not signalled
    }

    @Test
    void a_pid_file_naming_no_process_is_left_to_postgresql(@TempDir Path pg) throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Path pidFile = pg.resolve("postmaster.pid");
        Files.writeString(pidFile, ended.pid() + "\n" + pg + "\n");

        LeftoverPostmaster.stopIfRunning(pg);

        assertThat(pidFile).exists();
    }

    @Test
    void only_a_postgres_on_this_directory_is_its_postmaster() {
        Path pg = Path.of("/data/ledger/pg");
        assertThat(LeftoverPostmaster.isPostmasterOf("/tmp/embedded-pg/PG-1/bin/postgres",
                new String[]{"-D", "/data/ledger/pg", "-p", "5432"}, pg)).isTrue();
        assertThat(LeftoverPostmaster.isPostmasterOf("/tmp/embedded-pg/PG-1/bin/postgres",
                new String[]{"-D", "/data/other/pg"}, pg)).isFalse();
        assertThat(LeftoverPostmaster.isPostmasterOf("/usr/bin/java", new String[]{"-D", "/data/ledger/pg"}, pg)).isFalse();
        assertThat(LeftoverPostmaster.isPostmasterOf("/tmp/embedded-pg/PG-1/bin/postgres", new String[]{"-D"}, pg)).isFalse();
    }
}
