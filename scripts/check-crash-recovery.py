#!/usr/bin/env python3
"""Kills a running demo with SIGKILL mid-run, starts it again, and checks the promise of the ledger:
every call that ended is logged or deliberately skipped, and no call has two CRM records. Then it
kills a demo in the narrowest window, after the CRM stored a record and before the ledger heard its
id, and checks that the restarted demo adopts that record instead of creating a second one.

Usage: check-crash-recovery.py PATH_TO_CALLSCRIBE
Prints a closing line 'N passed, M failed' and exits non-zero on any failure."""
import json, os, re, signal, socket, subprocess, sys, tempfile, time
from datetime import datetime
from loopback import free_port_block

binary = os.path.abspath(sys.argv[1])
data = tempfile.mkdtemp(prefix="callscribe-crash-")
log = open(os.path.join(data, "demo.log"), "ab")

port = free_port_block(3, 18400)

def start():
    return subprocess.Popen([binary, "demo", "--data", data, "--port", str(port), "--call-gap", "0.25"], stdout=log, stderr=log)

def parse_time(text):
    return datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp()

results = []
def check(name, ok, detail=""):
    results.append(ok)
    print(("ok   " if ok else "FAIL ") + name + (f": {detail}" if detail and not ok else ""))

print(f"crash-recovery check in {data} (ports {port}-{port + 2})")
first = start()
time.sleep(15)
first.send_signal(signal.SIGKILL)
first.wait()
killed_at = time.time()
print("demo killed with SIGKILL; starting it again")
second = start()
time.sleep(55)
second.send_signal(signal.SIGTERM)
try:
    second.wait(timeout=20)
except subprocess.TimeoutExpired:
    second.kill()
    check("the demo stops on SIGTERM", False, "still running 20 s later")
stopped_at = time.time()

calls = [json.loads(line) for line in open(os.path.join(data, "sandbox", "phone-calls.jsonl")) if line.strip()]
listing = subprocess.run([binary, "calls", "list", "--data", data, "--json", "--limit", "10000"], capture_output=True, text=True, check=True)
logs = json.loads(listing.stdout)
records = {}
for line in open(os.path.join(data, "sandbox", "hubspot-calls.jsonl")):
    if line.strip():
        record = json.loads(line)
        records[record["id"]] = record

def ended_at(call):
    start = call["placedAt"] + 978307200  # Foundation's reference date → Unix time
    rang = call["ringSeconds"]
    return start + rang + (0 if call["outcome"] == "missed" else call["talkSeconds"])

# A sweep of the call log runs every 15 s: every call that ended 20 s before the stop must be settled.
settled_before = stopped_at - 20
due = [c for c in calls if ended_at(c) <= settled_before]
calls_before_kill = [c for c in calls if ended_at(c) <= killed_at]
log_by_session = {}
for entry in logs:
    log_by_session.setdefault(entry["sessionId"], []).append(entry)
sessions_of = lambda call: "s-a0d7%012x" % call["number"]

check("calls were placed before and after the kill", len(calls_before_kill) > 5 and len(calls) > len(calls_before_kill),
      f"{len(calls_before_kill)} before, {len(calls)} in all")
missing = [sessions_of(c) for c in due if sessions_of(c) not in log_by_session]
check(f"every one of the {len(due)} calls that ended has a log", not missing, f"missing {missing[:5]}")
unsettled = [sessions_of(c) for c in due if any(e["state"] not in ("logged", "skipped") for e in log_by_session.get(sessions_of(c), []))]
check("every such log is logged or skipped with a reason", not unsettled, f"unsettled {unsettled[:5]}")
double_logs = [s for s, entries in log_by_session.items() if len(entries) > 1]
check("no call has two logs", not double_logs, f"{double_logs[:5]}")
markers = [r["properties"].get("callscribe_log_id") for r in records.values()]
check("no two CRM records carry the same log", len(markers) == len(set(markers)), f"{len(markers)} records, {len(set(markers))} logs")
session_in_body = [re.search(r"Session</b>: (s-[0-9a-f]+)", r["properties"].get("hs_call_body", "")) for r in records.values()]
sessions = [m.group(1) for m in session_in_body if m]
check("no call has two CRM records", len(sessions) == len(set(sessions)) == len(records), f"{len(records)} records for {len(set(sessions))} calls")
logged = [e for e in logs if e["state"] == "logged"]
check("every logged call has its CRM record", all(e["crmRecordId"] in records for e in logged) and len(logged) == len(records),
      f"{len(logged)} logged, {len(records)} records")

print(f"crash-recovery: {len(calls)} calls placed, {len(logged)} logged, {len(records)} CRM records")

# The narrowest window: killed after the CRM stored a record and before its answer reached the ledger.
# The sandbox CRM holds each new record's answer for 4 s; the demo is killed while a log is `creating`.
window = tempfile.mkdtemp(prefix="callscribe-crash-window-")
def start_window(extra):
    return subprocess.Popen([binary, "demo", "--data", window, "--port", str(port), "--call-gap", "1"] + extra, stdout=log, stderr=log)

def window_logs():
    listing = subprocess.run([binary, "calls", "list", "--data", window, "--json", "--limit", "1000"], capture_output=True, text=True)
    try:
        return json.loads(listing.stdout)
    except ValueError:
        return []

def window_records():
    # The journal has a line per write of a record (create, then updates): the last one per id is the record.
    path = os.path.join(window, "sandbox", "hubspot-calls.jsonl")
    latest = {}
    for line in (open(path) if os.path.exists(path) else []):
        if line.strip():
            record = json.loads(line)
            latest[record["id"]] = record
    return list(latest.values())

print("killing a demo while a record is created but not yet acknowledged")
third = start_window(["--crm-answer-delay-ms", "4000"])
caught = None
deadline = time.time() + 60
while time.time() < deadline and caught is None:
    time.sleep(0.3)
    caught = next((e for e in window_logs() if e["state"] == "creating"), None)
time.sleep(1)  # well inside the 4 s the answer is held
third.send_signal(signal.SIGKILL)
third.wait()
check("a log is caught mid-create (state creating)", caught is not None)
if caught:
    stored = [r for r in window_records() if r["properties"].get("callscribe_log_id") == caught["id"]]
    at_kill = next((e for e in window_logs() if e["id"] == caught["id"]), {})
    check("at the kill the CRM holds the record and the ledger has no id for it",
          len(stored) == 1 and at_kill.get("crmRecordId") is None, f"{len(stored)} records, ledger id {at_kill.get('crmRecordId')}")
    fourth = start_window([])
    # The killed process's lease on the job lapses after 30 s; then the retry finds the record by its marker.
    deadline = time.time() + 75
    after = {}
    while time.time() < deadline and after.get("state") != "logged":
        time.sleep(1)
        after = next((e for e in window_logs() if e["id"] == caught["id"]), {})
    fourth.send_signal(signal.SIGTERM)
    try:
        fourth.wait(timeout=20)
    except subprocess.TimeoutExpired:
        fourth.kill()
    stored = [r for r in window_records() if r["properties"].get("callscribe_log_id") == caught["id"]]
    check("after the restart the log is logged against that same record, and there is no second one",
          after.get("state") == "logged" and len(stored) == 1 and after.get("crmRecordId") == stored[0]["id"],
          f"state {after.get('state')}, {len(stored)} records, ledger id {after.get('crmRecordId')}")
    markers = [r["properties"].get("callscribe_log_id") for r in window_records()]
    check("no two CRM records carry the same log after the window crash", len(markers) == len(set(markers)), f"{len(markers)} records")

passed = sum(results)
failed = len(results) - passed
print(f"{passed} passed, {failed} failed")
sys.exit(1 if failed else 0)
