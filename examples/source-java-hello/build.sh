#!/bin/sh
# Builds build/distributions/source-java-hello.tar with the JDK's javac and jar (no gradle needed):
# source-java-hello/bin/source-java-hello and source-java-hello/lib/source-java-hello.jar.
# The tarball is committed (3 KB) so rendering needs no JDK; rerun this after changing the source.
set -eu
cd "$(dirname "$0")"
out=build/tmp/dist/source-java-hello
rm -rf build/tmp build/distributions
mkdir -p build/tmp/classes "$out/bin" "$out/lib" build/distributions
javac --release 17 -d build/tmp/classes $(find src/main/java -name '*.java')
# fixed timestamps keep the jar and the tarball identical between builds
jar --create --date 2020-01-01T00:00:00Z --file "$out/lib/source-java-hello.jar" -C build/tmp/classes .
cp bin-launcher.sh "$out/bin/source-java-hello"
chmod 0755 "$out/bin/source-java-hello"
chmod 0644 "$out/lib/source-java-hello.jar"
tar --sort=name --mtime=2020-01-01 --owner=0 --group=0 --numeric-owner -C build/tmp/dist -cf build/distributions/source-java-hello.tar source-java-hello
rm -rf build/tmp
echo "built build/distributions/source-java-hello.tar"
