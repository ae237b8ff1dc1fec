# Rendered by build-connector (templates/python) for airbyte/source-hello:0.1.0.
# Do not edit: change metadata.yaml or the template, then render again.
FROM registry.example.com/golden/base:1.0.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef

USER root
# The `airbyte` user (uid/gid 1000) with a writable home, created only when the base
# lacks it (Airbyte's python-connector-base <= 2.0.0 and source-declarative-manifest have none),
# and the permitted write directories owned by it (/tmp keeps its sticky mode).
RUN set -eu; \
    if ! getent group 1000 >/dev/null; then \
      if command -v groupadd >/dev/null; then groupadd --gid 1000 airbyte; \
      else addgroup -g 1000 airbyte; fi; \
    fi; \
    if ! getent passwd airbyte >/dev/null; then \
      if command -v useradd >/dev/null; then useradd --uid 1000 --gid 1000 --home-dir /home/airbyte --no-create-home --shell /bin/sh airbyte; \
      else adduser -D -H -u 1000 -G "$(getent group 1000 | cut -d: -f1)" -h /home/airbyte -s /bin/sh airbyte; fi; \
    fi; \
    if [ "$(id -u airbyte)" != 1000 ]; then echo "user airbyte exists with uid $(id -u airbyte), expected 1000" >&2; exit 1; fi; \
    home="$(getent passwd airbyte | cut -d: -f6)"; \
    case "$home" in /|''|/nonexistent) echo "user airbyte has no usable home ($home)" >&2; exit 1;; esac; \
    mkdir -p "$home" /airbyte /secrets /config /custom_cache /airbyte/integration_code; \
    chown 1000:1000 "$home"; \
    chown -R 1000:1000 /airbyte /secrets /config /custom_cache /airbyte/integration_code

WORKDIR /airbyte/integration_code
COPY --chown=1000:1000 . /airbyte/integration_code/
# Installed from the local source only: no package index (--no-index), the base's own
# build backend (--no-build-isolation). The console script is the entrypoint.
# With SOURCE_DATE_EPOCH set, Python writes hash-based .pyc files, so the
# installed package is byte-for-byte reproducible.
ARG SOURCE_DATE_EPOCH
RUN set -eu; \
    python3 -m pip install --no-cache-dir --disable-pip-version-check --no-index --no-build-isolation /airbyte/integration_code; \
    rm -rf /airbyte/integration_code/build; \
    chown -R 1000:1000 /airbyte/integration_code; \
    if [ ! -x /usr/local/bin/source-hello ]; then echo "console script source-hello is not at /usr/local/bin/source-hello" >&2; exit 1; fi

# AIRBYTE_ENTRYPOINT and ENTRYPOINT come from one value (exec form, absolute paths).
ENV AIRBYTE_ENTRYPOINT="/usr/local/bin/source-hello"
ENTRYPOINT ["/usr/local/bin/source-hello"]
LABEL io.airbyte.name="airbyte/source-hello" \
      io.airbyte.version="0.1.0" \
      io.airbyte.permitted-write-dirs="/airbyte,/tmp,/secrets,/config,/custom_cache" \
      org.opencontainers.image.title="Hello" \
      org.opencontainers.image.version="0.1.0" \
      org.opencontainers.image.base.name="registry.example.com/golden/base:1.0.0@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" \
      org.opencontainers.image.base.digest="sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef" \
      org.opencontainers.image.documentation="https://docs.airbyte.com/integrations/sources/hello"
USER airbyte
