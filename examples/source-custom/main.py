"""A tiny Airbyte source shipped with its own Dockerfile (stdlib only)."""
import json
import sys

SCHEMA = {"type": "object", "properties": {"n": {"type": "integer"}}}


def emit(message):
    sys.stdout.write(json.dumps(message) + "\n")
    sys.stdout.flush()


def main(argv):
    command = argv[0] if argv else ""
    if command == "spec":
        emit({"type": "SPEC", "spec": {"connectionSpecification": {"type": "object", "properties": {}}}})
    elif command == "check":
        emit({"type": "CONNECTION_STATUS", "connectionStatus": {"status": "SUCCEEDED"}})
    elif command == "discover":
        emit({"type": "CATALOG", "catalog": {"streams": [{"name": "counter", "json_schema": SCHEMA, "supported_sync_modes": ["full_refresh"]}]}})
    elif command == "read":
        for n in range(3):
            emit({"type": "RECORD", "record": {"stream": "counter", "data": {"n": n}, "emitted_at": 0}})
        emit({"type": "STATE", "state": {"type": "STREAM", "stream": {"stream_descriptor": {"name": "counter"}, "stream_state": {"n": 2}}}})
    else:
        sys.stderr.write("usage: main.py spec|check|discover|read [--config FILE] [--catalog FILE]\n")
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
