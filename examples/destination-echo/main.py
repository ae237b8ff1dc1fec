"""A tiny Airbyte destination: `write` reads messages from stdin, counts records and echoes
every STATE message back once the records before it are "committed" (stdlib only)."""
import argparse
import json
import sys

SPEC = {
    "documentationUrl": "https://docs.airbyte.com/integrations/destinations/echo",
    "supported_destination_sync_modes": ["append", "overwrite"],
    "supportsIncremental": True,
    "connectionSpecification": {
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "Echo Spec",
        "type": "object",
        "properties": {"prefix": {"type": "string", "title": "Log prefix", "default": "echo"}},
    },
}


def emit(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)


def write(config, catalog):
    prefix = config.get("prefix", "echo")
    streams = {s["stream"]["name"] for s in catalog.get("streams", [])}
    counts = {}
    for line in sys.stdin:
        line = line.strip()
        if not line:
            continue
        try:
            message = json.loads(line)
        except ValueError:
            continue
        kind = message.get("type")
        if kind == "RECORD":
            stream = message["record"]["stream"]
            if stream in streams:
                counts[stream] = counts.get(stream, 0) + 1
        elif kind == "STATE":
            emit(message)
    text = ", ".join(f"{s}={n}" for s, n in sorted(counts.items())) or "no records"
    emit({"type": "LOG", "log": {"level": "INFO", "message": f"{prefix}: {text}"}})


def main(argv=None):
    parser = argparse.ArgumentParser(prog="destination-echo")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("spec")
    check = sub.add_parser("check")
    check.add_argument("--config", required=True)
    w = sub.add_parser("write")
    w.add_argument("--config", required=True)
    w.add_argument("--catalog", required=True)
    args = parser.parse_args(argv)
    if args.command == "spec":
        emit({"type": "SPEC", "spec": SPEC})
    elif args.command == "check":
        config = load(args.config)
        ok = isinstance(config.get("prefix", "echo"), str)
        emit({"type": "CONNECTION_STATUS", "connectionStatus": {"status": "SUCCEEDED" if ok else "FAILED"}})
    else:
        write(load(args.config), load(args.catalog))
    return 0


if __name__ == "__main__":
    sys.exit(main())
