#!/usr/bin/env python3
"""Checks the command line as a person meets it: bad input gets a message naming the problem and a
non-zero exit; migrate and calls list work on a fresh ledger; coverage, connectors, calls log/retry
and backfill work against a running demo (its sandbox phone system stands in for RingCentral).

Usage: check-command-line.py PATH_TO_CALLSCRIBE
Prints 'N passed, M failed' and exits non-zero on any failure."""
import json, urllib.error, urllib.request, os, socket, subprocess, sys, tempfile, time
from datetime import datetime, timedelta, timezone
from loopback import free_port_block

binary = os.path.abspath(sys.argv[1])
folder = tempfile.mkdtemp(prefix="callscribe-cli-")
required = {"RINGCENTRAL_CLIENT_ID": "id", "RINGCENTRAL_CLIENT_SECRET": "secret-value-123",
            "RINGCENTRAL_JWT": "jwt-value-456", "HUBSPOT_ACCESS_TOKEN": "pat-value-789", "CALLSCRIBE_DATA_DIR": folder}
results = []

def run(args, env_extra=None, stdin=None):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("CALLSCRIBE_", "RINGCENTRAL_", "HUBSPOT_"))}
    env.update(env_extra or {})
    return subprocess.run([binary] + args, capture_output=True, text=True, env=env, timeout=60, input=stdin)

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

for command in ("demo", "bench"):
    bad_crm = run([command, "--crm", "dynamics"])
    check(f"{command} with a bad --crm exits non-zero naming --crm and the choices",
          bad_crm.returncode != 0 and "--crm" in bad_crm.stderr and "pipedrive" in bad_crm.stderr, bad_crm.stderr)

bad_since = run(["coverage", "--data", folder, "--since", "2026-02-30"])
check("coverage with a bad --since exits non-zero naming --since", bad_since.returncode != 0 and "--since" in bad_since.stderr, bad_since.stderr)
backwards = run(["coverage", "--data", folder, "--since", "2026-03-02", "--until", "2026-03-01"])
check("coverage with --until before --since exits non-zero naming both",
      backwards.returncode != 0 and "--until" in backwards.stderr and "--since" in backwards.stderr, backwards.stderr)
bad_backfill = run(["backfill", "--since", "31/03/2026"], required)
check("backfill with a bad --since exits non-zero naming --since", bad_backfill.returncode != 0 and "--since" in bad_backfill.stderr, bad_backfill.stderr)
coverage = run(["coverage", "--data", folder, "--json", "--since", "2026-11-20", "--until", "2026-11-22"])
try:
    report = json.loads(coverage.stdout)
    ok = coverage.returncode == 0 and [d["date"] for d in report["days"]] == ["2026-11-20", "2026-11-21", "2026-11-22"] and report["totals"]["total"] == 0
except (ValueError, KeyError, TypeError):
    ok = False
check("coverage --json parses and lists every day of the range", ok, coverage.stdout + coverage.stderr)
retry_unknown = run(["calls", "retry", "log-nope", "--data", folder])
check("calls retry of an unknown id exits non-zero naming it", retry_unknown.returncode != 0 and "log-nope" in retry_unknown.stderr, retry_unknown.stderr)
both_contacts = run(["calls", "log", "log-nope", "--data", folder, "--contact", "c-1", "--create-contact", "Jane"])
check("calls log with --contact and --create-contact exits non-zero naming both",
      both_contacts.returncode != 0 and "--contact" in both_contacts.stderr and "--create-contact" in both_contacts.stderr, both_contacts.stderr)
no_connections = run(["connectors", "list", "--data", folder, "--json"])
check("connectors list --json on a ledger without connections prints []",
      no_connections.returncode == 0 and json.loads(no_connections.stdout or "null") == [], no_connections.stdout + no_connections.stderr)

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

unreachable_phone = {**required, "RINGCENTRAL_SERVER_URL": "http://127.0.0.1:9", "CALLSCRIBE_DATA_DIR": os.path.join(folder, "unreachable")}
started = time.time()
unreachable = run(["backfill", "--since", "2026-01-01", "--dry-run"], unreachable_phone)
check("backfill against an unreachable phone system gives up within seconds, saying so on stderr and printing no secret",
      unreachable.returncode != 0 and time.time() - started < 45 and "ringcentral" in unreachable.stderr.lower()
      and "unreachable" in unreachable.stderr
      and not any(secret in unreachable.stdout + unreachable.stderr for secret in ("secret-value-123", "jwt-value-456", "pat-value-789")),
      unreachable.stderr)

# Against a running demo: its ledger has logs and a CRM connection, its sandbox phone system has a call log.
demo_data = os.path.join(folder, "demo")
port = free_port_block(3, 19700)
demo_env = {k: v for k, v in os.environ.items() if not k.startswith(("CALLSCRIBE_", "RINGCENTRAL_", "HUBSPOT_"))}

def start_demo(data, port, *extra):
    return subprocess.Popen([binary, "demo", "--data", data, "--port", str(port), "--call-gap", "0.3", *extra], env=demo_env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

def logged_calls(data, at_least, timeout=60):
    """The logged calls in the ledger at `data` once there are `at_least`, or those there are after `timeout` seconds."""
    logged = []
    deadline = time.time() + timeout
    while time.time() < deadline and len(logged) < at_least:
        time.sleep(1)
        listing = run(["calls", "list", "--data", data, "--json", "--limit", "10000"])
        if listing.returncode == 0:
            logged = [c for c in json.loads(listing.stdout) if c["state"] == "logged"]
    return logged

def stop_demo(process):
    process.send_signal(signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()

demo = start_demo(demo_data, port)
try:
    logged = logged_calls(demo_data, 3)
    check("the demo logs calls", len(logged) >= 3, f"{len(logged)} logged after 60 s")

    coverage = run(["coverage", "--data", demo_data, "--json"])
    report = json.loads(coverage.stdout) if coverage.returncode == 0 else {}
    totals = report.get("totals", {})
    check("coverage --json counts the demo's logs, and each day adds up",
          totals.get("logged", 0) >= 3 and all(d["total"] == d["logged"] + d["pending"] + d["failed"] + d["skipped"] for d in report.get("days", [])),
          coverage.stdout[-400:] + coverage.stderr)
    table = run(["coverage", "--data", demo_data])
    check("coverage prints a table with the share of loggable calls logged",
          table.returncode == 0 and "logged %" in table.stdout and "loggable calls" in table.stdout, table.stdout + table.stderr)

    hubspot_token = "pat-na1-sandbox-0000-0000-0000-000000000000"  # SandboxStack.hubSpotToken: the secret that must not show
    connectors = run(["connectors", "list", "--data", demo_data])
    connectors_json = run(["connectors", "list", "--data", demo_data, "--json"])
    listed = json.loads(connectors_json.stdout) if connectors_json.returncode == 0 else []
    check("connectors list shows the connection: id, kind, account, base URL",
          "hubspot" in connectors.stdout and len(listed) == 1 and {"id", "kind", "accountId", "baseUrl"} <= set(listed[0]),
          connectors.stdout + connectors_json.stdout + connectors.stderr)
    shown = connectors.stdout + connectors.stderr + connectors_json.stdout + connectors_json.stderr
    check("connectors list never shows a secret, sealed or not",
          hubspot_token not in shown and all("credential" not in key.lower() and "secret" not in key.lower() for entry in listed for key in entry), shown)

    retry_logged = run(["calls", "retry", logged[0]["id"], "--data", demo_data]) if logged else None
    check("calls retry of a logged call exits non-zero saying why",
          retry_logged is not None and retry_logged.returncode != 0 and "already logged" in retry_logged.stderr, retry_logged and retry_logged.stderr)
    notes = run(["calls", "log", logged[0]["id"], "--data", demo_data, "--notes", "Follow-up booked", "--json"]) if logged else None
    check("calls log queues a logged call's update and prints the log as JSON",
          notes is not None and notes.returncode == 0 and json.loads(notes.stdout)["id"] == logged[0]["id"], notes and (notes.stdout + notes.stderr))

    # The demo's sandbox CRM appends every record it writes to this file: the running server must carry the request out.
    crm_file = os.path.join(demo_data, "sandbox", "hubspot-calls.jsonl")
    deadline = time.time() + 20
    carried_out = False
    while time.time() < deadline and not carried_out:
        time.sleep(0.5)
        carried_out = os.path.exists(crm_file) and "Follow-up booked" in open(crm_file).read()
    check("the running demo writes the notes given to calls log into the CRM record", carried_out)

    phone = {"RINGCENTRAL_SERVER_URL": f"http://127.0.0.1:{port + 1}", "RINGCENTRAL_CLIENT_ID": "sandbox-client-id",
             "RINGCENTRAL_CLIENT_SECRET": "sandbox-client-secret",
             "RINGCENTRAL_JWT": "eyJraWQiOiJzYW5kYm94In0.eyJzdWIiOiI2MzAxMTAwMCJ9.sandbox-signature",
             "HUBSPOT_ACCESS_TOKEN": hubspot_token, "CALLSCRIBE_DATA_DIR": os.path.join(folder, "backfill")}
    since = (datetime.now(timezone.utc) - timedelta(days=1)).strftime("%Y-%m-%d")
    dry = run(["backfill", "--since", since, "--dry-run", "--json"], phone)
    dry_report = json.loads(dry.stdout) if dry.returncode == 0 else {}
    check("backfill --dry-run finds the demo's calls, all new to an empty ledger, and reports progress on stderr",
          dry_report.get("callsFound", 0) >= 3 and dry_report.get("newCalls") == dry_report.get("callsFound")
          and dry_report.get("eventsStored") == 0 and "backfill: page 1" in dry.stderr, dry.stdout + dry.stderr)
    first = run(["backfill", "--since", since, "--json"], phone)
    first_report = json.loads(first.stdout) if first.returncode == 0 else {}
    check("backfill imports the calls", first_report.get("newCalls", 0) >= dry_report.get("callsFound", 1)
          and first_report.get("eventsStored", 0) > 0, first.stdout + first.stderr)
    again = run(["backfill", "--since", since, "--json"], phone)
    again_report = json.loads(again.stdout) if again.returncode == 0 else {}
    # Calls keep ending meanwhile: only those the first run did not list may be new.
    check("backfill run again imports no call twice",
          again.returncode == 0 and again_report.get("newCalls") == again_report.get("callsFound", 0) - first_report.get("callsFound", 0),
          again.stdout + again.stderr)
    # connectors check opens the demo's stored connection with the demo's key and searches the sandbox CRM.
    demo_settings = {**phone, "CALLSCRIBE_DATA_DIR": demo_data, "HUBSPOT_API_URL": f"http://127.0.0.1:{port + 2}"}
    checked = run(["connectors", "check", "--phone", "+14155550100"], demo_settings)
    check("connectors check reaches the demo's CRM with the stored credential and prints no secret",
          checked.returncode == 0 and checked.stdout.startswith("ok") and "hubspot" in checked.stdout
          and hubspot_token not in checked.stdout + checked.stderr, checked.stdout + checked.stderr)
    # The CRM's custom fields: listed, checked before anything is stored, written by the running demo.
    fields = run(["calls", "fields", logged[0]["id"], "--json"], demo_settings) if logged else None
    field_keys = {f["key"] for f in json.loads(fields.stdout)} if fields is not None and fields.returncode == 0 else set()
    check("calls fields lists the CRM's custom fields of call records, not its hidden or read-only ones",
          {"call_topic", "satisfaction_score", "call_reason"} <= field_keys and not field_keys & {"erp_sync_status", "callscribe_log_id"},
          fields and (fields.stdout + fields.stderr))
    bad_value = run(["calls", "log", logged[0]["id"], "--field", "satisfaction_score=great"], demo_settings) if logged else None
    check("calls log --field with a value that does not fit exits non-zero naming the field",
          bad_value is not None and bad_value.returncode != 0 and "--field satisfaction_score" in bad_value.stderr and "not a number" in bad_value.stderr,
          bad_value and bad_value.stderr)
    malformed = run(["calls", "log", logged[0]["id"], "--field", "no-equals-sign"], demo_settings) if logged else None
    check("calls log --field without key=value is a usage error", malformed is not None and malformed.returncode != 0 and "key=value" in malformed.stderr,
          malformed and malformed.stderr)
    topic = run(["calls", "log", logged[0]["id"], "--field", "call_topic=Contract renewal (CLI)"], demo_settings) if logged else None
    check("calls log --field key=value is accepted", topic is not None and topic.returncode == 0, topic and (topic.stdout + topic.stderr))
    deadline = time.time() + 20
    carried_out = False
    while time.time() < deadline and not carried_out:
        time.sleep(0.5)
        carried_out = os.path.exists(crm_file) and "Contract renewal (CLI)" in open(crm_file).read()
    check("the running demo writes the custom field given to calls log into the CRM record", carried_out)
    # People: a forgotten password set from the command line, a person removed; the last admin stays.
    short = run(["users", "password", "--data", demo_data, "--email", "ext103@callscribe.test"], stdin="short\n")
    check("users password with a short password exits non-zero naming newPassword", short.returncode != 0 and "newPassword" in short.stderr, short.stderr)
    reset = run(["users", "password", "--data", demo_data, "--email", "EXT103@callscribe.test"], stdin="a-new-long-password\n")
    login = urllib.request.Request(f"http://127.0.0.1:{port}/api/auth/login", method="POST", headers={"Content-Type": "application/json"},
                                   data=json.dumps({"email": "ext103@callscribe.test", "password": "a-new-long-password"}).encode())
    try:
        signed_in = urllib.request.urlopen(login, timeout=10).status
    except urllib.error.HTTPError as error:
        signed_in = error.code
    check("users password sets the password: the running server signs the person in with it",
          reset.returncode == 0 and signed_in == 200, f"{reset.stdout}{reset.stderr} sign-in {signed_in}")
    removed = run(["users", "remove", "--data", demo_data, "--email", "ext104@callscribe.test"])
    remaining = run(["users", "list", "--data", demo_data, "--json"])
    emails = [u["email"] for u in json.loads(remaining.stdout)] if remaining.returncode == 0 else []
    check("users remove removes the person", removed.returncode == 0 and "ext104@callscribe.test" not in emails and "ext105@callscribe.test" in emails,
          removed.stdout + removed.stderr + str(emails))
    last_admin = run(["users", "remove", "--data", demo_data, "--email", "admin@callscribe.test"])
    check("users remove refuses the only admin", last_admin.returncode != 0 and "only admin" in last_admin.stderr, last_admin.stderr)
    nobody = run(["users", "remove", "--data", demo_data, "--email", "nobody@example.com"])
    check("users remove of an unknown email exits non-zero naming it", nobody.returncode != 0 and "nobody@example.com" in nobody.stderr, nobody.stderr)
    outputs = dry.stdout + dry.stderr + first.stdout + first.stderr + again.stdout + again.stderr
    check("backfill prints no secret", not any(secret in outputs for secret in (hubspot_token, "sandbox-client-secret", phone["RINGCENTRAL_JWT"])))
finally:
    stop_demo(demo)

# Connector files: checked offline, then tried against a demo running Insightly, a CRM Callscribe
# has no code for, reached through its shipped file.
import base64
repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
insightly_file = os.path.join(repo, "connectors", "insightly.yaml")
good = run(["connectors", "check", insightly_file])
check("connectors check of a shipped file passes and lists its operations",
      good.returncode == 0 and "ok: connector insightly" in good.stdout and "find_contacts" in good.stdout, good.stdout + good.stderr)
broken_file = os.path.join(folder, "broken.yaml")
with open(insightly_file) as source, open(broken_file, "w") as broken:
    lines = source.read().split("\n")
    typo_line = next(i for i, line in enumerate(lines) if line.strip() == "method: GET") + 1
    lines[typo_line - 1] = lines[typo_line - 1].replace("method", "metod")
    broken.write("\n".join(lines))
bad_file = run(["connectors", "check", broken_file])
check("connectors check names the line of each mistake, suggests the key, and exits 65",
      bad_file.returncode == 65 and f"broken.yaml:{typo_line}:" in bad_file.stdout + bad_file.stderr
      and "did you mean 'method'" in bad_file.stdout + bad_file.stderr, bad_file.stdout + bad_file.stderr)

file_data = os.path.join(folder, "demo-insightly")
file_port = free_port_block(3, 19800)
file_demo = start_demo(file_data, file_port, "--crm", "insightly")
try:
    crm_url = f"http://127.0.0.1:{file_port + 2}"
    api_key = "insightly-sandbox-key"
    authorization = "Basic " + base64.b64encode(f"{api_key}:".encode()).decode()
    contact = None
    deadline = time.time() + 60
    while time.time() < deadline and contact is None:
        try:
            request = urllib.request.Request(crm_url + "/v3.1/contacts?top=1", headers={"Authorization": authorization})
            with urllib.request.urlopen(request, timeout=5) as answer:
                contact = json.loads(answer.read())[0]
        except (urllib.error.URLError, ConnectionError, IndexError):
            time.sleep(0.5)
    check("demo --crm insightly serves the Insightly sandbox", contact is not None)
    if contact is not None:
        inputs = json.dumps({"base_url": crm_url + "/v3.1", "api_key": api_key})
        trial = run(["connectors", "test", insightly_file, "--phone", contact["PHONE"], "--inputs", inputs])
        steps = [line.split()[1] for line in trial.stdout.splitlines() if line.startswith(("ok", "FAIL"))]
        check("connectors test FILE looks the number and the name up, logs, reads back, updates and finds a test call in the CRM",
              trial.returncode == 0 and steps[:6] == ["find_contacts", "find_contacts_by_name", "create_call", "read_call", "update_call", "find_call"]
              and all(line.startswith("ok") for line in trial.stdout.splitlines() if line.startswith(("ok", "FAIL"))),
              trial.stdout + trial.stderr)
        check("connectors test FILE prints no credential", api_key not in trial.stdout + trial.stderr)
        refused = run(["connectors", "test", insightly_file, "--phone", contact["PHONE"],
                       "--inputs", json.dumps({"base_url": crm_url + "/v3.1", "api_key": "wrong-key-0000"})])
        check("connectors test FILE with a key the CRM refuses stops at the look-up and exits 1",
              refused.returncode == 1 and refused.stdout.startswith("FAIL find_contacts") and "wrong-key-0000" not in refused.stdout + refused.stderr,
              refused.stdout + refused.stderr)
    check("demo --crm insightly logs calls through the connector file", len(logged_calls(file_data, 1)) >= 1, "none logged after 60 s")
finally:
    stop_demo(file_demo)

passed = sum(results)
print(f"{passed} passed, {len(results) - passed} failed")
sys.exit(0 if passed == len(results) else 1)
