# The two commands a newcomer needs: `make run` and `make test`.
MVN ?= mvn -B
JAR := ledger-app/target/ledger-app-0.1.0-SNAPSHOT.jar
export AXONIQ_UPDATE_CHECKER_DISABLED := true

.PHONY: run test build clean verify

## Start the ledger in the foreground (embedded PostgreSQL in ./data unless LEDGER_DB_URL is set).
run: build
	java $(JAVA_OPTS) -jar $(JAR)

## Run every test of every module.
test:
	$(MVN) test

## Verify the audit hash chain of a ledger's database without the service (stop a local ledger first).
## make verify DIGEST_POSITION=N DIGEST_HASH=H   (exits non-zero when the chain does not hold)
verify: build
	java -jar $(JAR) verify $(if $(DIGEST_POSITION),--digest-position=$(DIGEST_POSITION)) $(if $(DIGEST_HASH),--digest-hash=$(DIGEST_HASH))

build:
	$(MVN) -q -DskipTests install

clean:
	$(MVN) -q clean
