"""A tiny Airbyte source: spec, check, discover, read over two streams (stdlib only)."""
import argparse
import json
import sys
import time

SPEC = {
    "documentationUrl": "https://docs.airbyte.com/integrations/sources/hello",
    "connectionSpecification": {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Hello Spec",
        "type": "object",
        "required": ["name"],
        "properties": {
            "name": {"type": "string", "title": "Who to greet"},
            "count": {"type": "integer", "title": "Greetings per stream", "default": 3, "minimum": 0, "maximum": 1000},
        },
    },
}

STREAMS = {
    "greetings": {"type": "object", "properties": {"id": {"type": "integer"}, "message": {"type": "string"}}},
    "numbers": {"type": "object", "properties": {"id": {"type": "integer"}, "square": {"type": "integer"}}},
}


def emit(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def log(level, text):
    emit({"type": "LOG", "log": {"level": level, "message": text}})


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def check(config):
    name = config.get("name")
    if isinstance(name, str) and name:
        return {"status": "SUCCEEDED"}
    return {"status": "FAILED", "message": "config.name must be a non-empty string"}


def discover():
    return {
        "streams": [
            {"name": n, "json_schema": s, "supported_sync_modes": ["full_refresh"], "source_defined_primary_key": [["id"]]}
            for n, s in STREAMS.items()
        ]
    }


def read(config, catalog):
    count = int(config.get("count", 3))
    now = int(time.time() * 1000)
    for configured in catalog.get("streams", []):
        stream = configured["stream"]["name"]
        emit({"type": "TRACE", "trace": {"type": "STREAM_STATUS", "emitted_at": now, "stream_status": {"stream_descriptor": {"name": stream}, "status": "STARTED"}}})
        for i in range(count):
            data = {"id": i, "message": f"hello {config['name']} #{i}"} if stream == "greetings" else {"id": i, "square": i * i}
            emit({"type": "RECORD", "record": {"stream": stream, "data": data, "emitted_at": now}})
        emit({"type": "STATE", "state": {"type": "STREAM", "stream": {"stream_descriptor": {"name": stream}, "stream_state": {"done": True}}}})
        emit({"type": "TRACE", "trace": {"type": "STREAM_STATUS", "emitted_at": now, "stream_status": {"stream_descriptor": {"name": stream}, "status": "COMPLETE"}}})


def run(argv=None):
    parser = argparse.ArgumentParser(prog="source-hello")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("spec")
    for name in ("check", "discover", "read"):
        p = sub.add_parser(name)
        p.add_argument("--config", required=True)
        if name == "read":
            p.add_argument("--catalog", required=True)
            p.add_argument("--state")
    args = parser.parse_args(argv)
    if args.command == "spec":
        emit({"type": "SPEC", "spec": SPEC})
    elif args.command == "check":
        emit({"type": "CONNECTION_STATUS", "connectionStatus": check(load(args.config))})
    elif args.command == "discover":
        emit({"type": "CATALOG", "catalog": discover()})
    else:
        log("INFO", "reading")
        read(load(args.config), load(args.catalog))
    return 0


if __name__ == "__main__":
    sys.exit(run())
