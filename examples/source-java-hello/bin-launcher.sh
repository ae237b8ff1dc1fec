#!/bin/sh
# Launcher placed at <dist>/bin/source-java-hello (like gradle's application plugin makes).
APP_HOME=$(cd "$(dirname "$0")/.." && pwd -P)
exec java ${JAVA_OPTS:-} -cp "$APP_HOME/lib/source-java-hello.jar" io.airbyte.hello.Main "$@"
