#!/usr/bin/env bash
# How many name-like spans of the corpus the CoNLL tokenizer cannot hold (bench/Misaligned.java).
#   bench/misaligned.sh                 # the figure
#   LIST=1 bench/misaligned.sh          # and each misaligned name in its context
# Compiles the app's classes if needed (./mvnw compile); CORPUS defaults to ../shared/corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpus}
[ -f target/classes/io/gloss/text/Tokenizer.class ] || ./mvnw -B -q compile -DskipFrontendTests=true
java -cp target/classes bench/Misaligned.java "$corpus" ${LIST:+list}
