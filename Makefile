# The two commands a newcomer needs: `make run` and `make test`.
MVN ?= mvn -B
JAR := ledger-app/target/ledger-app-0.1.0-SNAPSHOT.jar
export AXONIQ_UPDATE_CHECKER_DISABLED := true

.PHONY: run test build clean verify verify-statement bench reliability backup restore browser redocly demo

## Start the ledger in the foreground (embedded PostgreSQL in ./data unless LEDGER_DB_URL is set).
## exec: the JVM takes the shell's place, so a SIGTERM reaches it and make ends with the ledger's exit status.
run: build
	exec java $(JAVA_OPTS) -jar $(JAR)

## Record a small, realistic demo book (two sellers, six contracts, rewards, the reserve library) through the API of a
## running ledger, as its recorders would.   make demo [LEDGER_URL=http://localhost:8080]
demo:
	scripts/demo-data.sh

## Run every test of every module (the console's browser test needs Chromium: `make browser` installs it; the API
## description's lint needs Redocly CLI: `make redocly`).
test: browser redocly
	$(MVN) test

## Redocly CLI, for ApiDescriptionTest's lint of the served OpenAPI description, from the npm registry when missing
## (Node.js and npm of the machine); kept in target/ with the build's other outputs.
REDOCLY_VERSION := 2.77.0
REDOCLY_DIR := target/redocly
redocly:
	@$(REDOCLY_DIR)/node_modules/.bin/redocly --version 2>/dev/null | grep -qx '$(REDOCLY_VERSION)' \
		|| npm install --prefix $(REDOCLY_DIR) --no-save --no-audit --no-fund @redocly/cli@$(REDOCLY_VERSION)

## Debian's Chromium, its driver and a CJK font for the console's browser test and screenshots, when missing
## (apt-get, as root or with sudo); the test never downloads a browser.
browser:
	@command -v chromium >/dev/null && command -v chromedriver >/dev/null && fc-list 2>/dev/null | grep -qi wenquanyi \
		|| { $$( [ "$$(id -u)" = 0 ] || echo sudo ) apt-get update -qq \
		&& $$( [ "$$(id -u)" = 0 ] || echo sudo ) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-wqy-microhei; }

## The reliability runs of docs/reliability.md: the slow ones (JUnit tag reliability: SIGKILL of the service under
## load, three service processes on one database, PostgreSQL restarted under load), then again the fast ones that
## make test runs as well. Their figures are the lines starting with "reliability ".
## make reliability [RELIABILITY_OPTS='-Dledger.reliability.kills=8 -Dledger.reliability.seed=42'] [LEDGER_TEST_DB_URL=...]
RELIABILITY_FAST := HostileInputTest,SixteenClientsTest,AuthorizationMatrixTest,PasswordsNotLoggedTest,ServiceRoleTest,EmbeddedCrashTest,OrderlyShutdownTest,BackupRestoreTest
reliability:
	$(MVN) -Preliability -pl ledger-app -am test $(RELIABILITY_OPTS)
	$(MVN) -pl ledger-app -am test -Dtest='$(RELIABILITY_FAST)' -Dsurefire.failIfNoSpecifiedTests=false $(RELIABILITY_OPTS)

## Verify the audit hash chain, Merkle tree and checkpoints of a ledger's database without the service (stop a local
## ledger first); against a digest or a checkpoint kept outside the ledger when given.
## make verify [DIGEST_POSITION=N DIGEST_HASH=H] [CHECKPOINT=FILE] [PUBLIC_KEY=KEY]   (exits non-zero when not valid)
verify: build
	java -jar $(JAR) verify $(if $(DIGEST_POSITION),--digest-position=$(DIGEST_POSITION)) $(if $(DIGEST_HASH),--digest-hash=$(DIGEST_HASH)) \
		$(if $(CHECKPOINT),'--checkpoint=$(CHECKPOINT)') $(if $(PUBLIC_KEY),'--public-key=$(PUBLIC_KEY)')

## Check a contract's statement (GET /api/v1/contracts/{id}/statement) with no database and no service: the ledger's
## signature on its checkpoint, every event's leaf and inclusion proof (docs/audit.md). Exits non-zero when it does not hold.
## make verify-statement FILE=statement.json PUBLIC_KEY='name+hash+key' (or PUBLIC_KEY=a file holding it)
verify-statement: build
	$(if $(and $(FILE),$(PUBLIC_KEY)),,$(error make verify-statement needs FILE=the statement and PUBLIC_KEY=the ledger's key))
	java -jar $(JAR) verify-statement --file='$(FILE)' --public-key='$(PUBLIC_KEY)'

## Back up what cannot be rebuilt (event log, audit chain, command log, registration numbers) into one gzip'ed NDJSON
## file, its digest beside it (FILE.digest). An external database (LEDGER_DB_URL) while the ledger runs; the embedded
## one in LEDGER_DATA_DIR with the local ledger stopped.   make backup [BACKUP=backups/ledger.ndjson.gz]
backup: build
	java -jar $(JAR) backup --file=$(or $(BACKUP),backups/ledger-$(shell date -u +%Y%m%dT%H%M%SZ).ndjson.gz)

## Restore a backup into an empty data directory (LEDGER_DATA_DIR) or database (LEDGER_DB_URL); checks it against its
## digest first, verifies the audit chain after; the next start rebuilds the read models.   make restore BACKUP=FILE
restore: build
	$(if $(BACKUP),,$(error make restore needs BACKUP=the backup file))
	java -jar $(JAR) restore --file=$(BACKUP)

## Benchmark the ledger against the best the same PostgreSQL does on this machine (docs/benchmarks.md).
## make bench [BENCH_SECONDS=15] [BENCH_REPLAY_EVENTS=1000000] [BENCH_REPLAYS=3] [BENCH_DATA_DIR=./data-bench] [LEDGER_DB_URL=...]
## The last line it prints is the summary: bench: commands/s=N baseline/s=N ratio=R http/s=N ...
## G1 is what `make run` gets on this machine by default; named so that a smaller machine does not switch to Serial.
## When the heap runs out, the benchmark stops itself (and the embedded PostgreSQL) and says so.
BENCH_JAVA_OPTS ?= -Xmx512m -XX:+UseG1GC
bench:
	$(MVN) -q -DskipTests install
	$(MVN) -q -pl ledger-app test-compile dependency:build-classpath -Dmdep.outputFile=target/bench.classpath -DincludeScope=test
	java $(BENCH_JAVA_OPTS) -cp ledger-app/target/test-classes:ledger-app/target/classes:$$(cat ledger-app/target/bench.classpath) \
		org.techtransfer.ledger.app.bench.LedgerBenchmark

## package, not install: the jar is run from target/, nothing needs to go into ~/.m2
build:
	$(MVN) -q -DskipTests package

clean:
	$(MVN) -q clean
