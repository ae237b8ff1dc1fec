# A hand-written, compliant Dockerfile (custom mode): build-connector lints and builds it as is.
# `--base-image REF` sets the BASE_IMAGE build argument.
ARG BASE_IMAGE=docker.io/airbyte/python-connector-base:4.0.2@sha256:9fdb1888c4264cf6fee473649ecb593f56f58e5d0096a87ee0b231777e2e3e73
FROM ${BASE_IMAGE}

USER root
RUN set -eu; \
    getent group airbyte >/dev/null || groupadd --gid 1000 airbyte; \
    getent passwd airbyte >/dev/null || useradd --uid 1000 --gid 1000 --create-home --home-dir /home/airbyte --shell /bin/sh airbyte; \
    mkdir -p /airbyte/integration_code; \
    chown -R airbyte:airbyte /airbyte

WORKDIR /airbyte/integration_code
COPY --chown=airbyte:airbyte main.py /airbyte/integration_code/main.py

ENV AIRBYTE_ENTRYPOINT="python /airbyte/integration_code/main.py"
ENTRYPOINT ["python", "/airbyte/integration_code/main.py"]
LABEL io.airbyte.name="airbyte/source-custom" \
      io.airbyte.version="0.1.0"
USER airbyte
