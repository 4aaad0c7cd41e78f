#!/usr/bin/env python3
"""Checks the command line as a person meets it: bad input gets a message naming the problem and a
non-zero exit; migrate and calls list work on a fresh ledger.

Usage: check-command-line.py PATH_TO_CALLSCRIBE
Prints 'N passed, M failed' and exits non-zero on any failure."""
import json, os, subprocess, sys, tempfile

binary = os.path.abspath(sys.argv[1])
folder = tempfile.mkdtemp(prefix="callscribe-cli-")
required = {"RINGCENTRAL_CLIENT_ID": "id", "RINGCENTRAL_CLIENT_SECRET": "secret-value-123",
            "RINGCENTRAL_JWT": "jwt-value-456", "HUBSPOT_ACCESS_TOKEN": "pat-value-789", "CALLSCRIBE_DATA_DIR": folder}
results = []

def run(args, env_extra=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CALLSCRIBE_", "RINGCENTRAL_", "HUBSPOT_"))}
    env.update(env_extra or {})
    return subprocess.run([binary] + args, capture_output=True, text=True, env=env, timeout=60)

def check(name, ok, detail=""):
    results.append(ok)
    print(("ok   " if ok else "FAIL ") + name + ("" if ok else f": {detail}"))

bad_port = run(["serve"], {**required, "CALLSCRIBE_PORT": "abc"})
check("serve with a bad port exits non-zero naming CALLSCRIBE_PORT",
      bad_port.returncode != 0 and "CALLSCRIBE_PORT" in bad_port.stderr, bad_port.stderr)
missing = run(["serve"], {k: v for k, v in required.items() if k != "HUBSPOT_ACCESS_TOKEN"})
check("serve without a required setting exits non-zero naming it",
      missing.returncode != 0 and "HUBSPOT_ACCESS_TOKEN" in missing.stderr, missing.stderr)
secrets_printed = any(secret in (bad_port.stderr + bad_port.stdout + missing.stderr + missing.stdout)
                      for secret in ("secret-value-123", "jwt-value-456", "pat-value-789"))
check("no secret is printed", not secrets_printed)
bad_config = os.path.join(folder, "bad.json")
open(bad_config, "w").write('{"CALLSCRIBE_PROT": "8080"}')
typo = run(["serve", "--config", bad_config], required)
check("an unknown key in the config file is named", typo.returncode != 0 and "CALLSCRIBE_PROT" in typo.stderr, typo.stderr)
help_text = run(["serve", "--help"]).stdout
check("serve --help documents every setting", all(name in help_text for name in
      ["CALLSCRIBE_DATA_DIR", "CALLSCRIBE_PORT", "RINGCENTRAL_JWT", "HUBSPOT_ACCESS_TOKEN", "CALLSCRIBE_SYNC_INTERVAL"]))
no_ledger = run(["calls", "list", "--data", os.path.join(folder, "nowhere")])
check("calls list without a ledger exits non-zero and says so", no_ledger.returncode != 0 and "no ledger" in no_ledger.stderr, no_ledger.stderr)
migrate = run(["migrate", "--data", folder])
check("migrate creates the ledger and lists its migrations", migrate.returncode == 0 and "0001_create_ledger" in migrate.stdout, migrate.stdout + migrate.stderr)
again = run(["migrate", "--data", folder])
check("migrate again is harmless", again.returncode == 0 and "0001_create_ledger" in again.stdout, again.stderr)
listing = run(["calls", "list", "--data", folder, "--json"])
check("calls list --json on an empty ledger prints []", listing.returncode == 0 and json.loads(listing.stdout) == [], listing.stdout + listing.stderr)
bad_filter = run(["calls", "list", "--data", folder, "--filter", "bogus"])
check("calls list with a bad filter exits non-zero naming --filter", bad_filter.returncode != 0 and "--filter" in bad_filter.stderr, bad_filter.stderr)

def delivery(uuid, sequence, status):
    return json.dumps({"uuid": uuid, "event": "/restapi/v1.0/account/400123456008/telephony/sessions",
        "body": {"sequence": sequence, "sessionId": "9001", "telephonySessionId": "s-cli-1", "eventTime": "2026-11-21T10:00:0%d.000Z" % sequence,
                 "parties": [{"accountId": "400123456008", "extensionId": "63011000", "id": "p-1", "direction": "Inbound",
                              "from": {"phoneNumber": "+14155550123"}, "to": {"phoneNumber": "+16505550201"}, "status": {"code": status}}]}})

events_file = os.path.join(folder, "events.jsonl")
open(events_file, "w").write("\n".join([delivery("u-2", 2, "Answered"), delivery("u-1", 1, "Setup"), delivery("u-1", 1, "Setup"),
                                        '{"uuid": "u-9", "body": {}}']) + "\n")
imported = run(["events", "import", "--data", folder, events_file])
lines = imported.stdout.splitlines()
check("events import says what happened to each event and exits non-zero for the rejected one",
      imported.returncode != 0 and len(lines) == 4 and "stored" in lines[0] and "stored" in lines[1] and "duplicate" in lines[2]
      and "rejected" in lines[3] and "telephonySessionId" in lines[3], imported.stdout + imported.stderr)
shown = run(["calls", "show", "s-cli-1", "--events", "--data", folder])
check("calls show --events lists the call's events in sequence order",
      shown.returncode == 0 and shown.stdout.index("#1 ") < shown.stdout.index("#2 "), shown.stdout + shown.stderr)
unknown = run(["calls", "show", "s-nope", "--data", folder])
check("calls show of an unknown id exits non-zero naming it", unknown.returncode != 0 and "s-nope" in unknown.stderr, unknown.stderr)

# A server whose phone system is unreachable still stops cleanly on SIGTERM.
import signal, time
env = {k: v for k, v in os.environ.items() if not k.startswith(("CALLSCRIBE_", "RINGCENTRAL_", "HUBSPOT_"))}
env.update({**required, "RINGCENTRAL_SERVER_URL": "http://127.0.0.1:9", "CALLSCRIBE_PORT": "0", "CALLSCRIBE_DATA_DIR": os.path.join(folder, "serve")})
server = subprocess.Popen([binary, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
time.sleep(3)
server.send_signal(signal.SIGTERM)
try:
    code = server.wait(timeout=15)
    check("serve stops cleanly on SIGTERM while the phone system is unreachable", code == 0, f"exit {code}: {server.stderr.read()[-300:]}")
except subprocess.TimeoutExpired:
    server.kill()
    check("serve stops cleanly on SIGTERM while the phone system is unreachable", False, "still running 15 s after SIGTERM")

passed = sum(results)
print(f"{passed} passed, {len(results) - passed} failed")
sys.exit(0 if passed == len(results) else 1)
