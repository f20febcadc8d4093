# The two commands a newcomer needs: `make run` and `make test`.
MVN ?= mvn -B
JAR := ledger-app/target/ledger-app-0.1.0-SNAPSHOT.jar
export AXONIQ_UPDATE_CHECKER_DISABLED := true

.PHONY: run test build clean

## Start the ledger in the foreground (embedded PostgreSQL in ./data unless LEDGER_DB_URL is set).
run: build
	java $(JAVA_OPTS) -jar $(JAR)

## Run every test of every module.
test:
	$(MVN) test

build:
	$(MVN) -q -DskipTests install

clean:
	$(MVN) -q clean
