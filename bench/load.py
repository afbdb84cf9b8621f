#!/usr/bin/env python3
"""Bounded class-size load test for a running GradLab server (loopback only, standard library only).

Replays Vaadin Flow's own client protocol, no browser: for each of N sessions it asks for the Lab page
(GET /?v-r=init&location=lab/<id>, the request Flow's client sends), reads the UIDL bootstrap (the CSRF token
"Vaadin-Security-Key", the UI id, syncId, clientId), finds the node ids of the Lab's step-forward and step-back
buttons (element attribute id = "step-forward" / "step-back") and then clicks them in turn (forward, back,
forward, ...: a scenario has few steps, and a click at its last step would change nothing) with
POST /?v-r=uidl&v-uiId=<ui> carrying an "event" RPC, like the browser does. Prints click p50/p95, clicks/s and,
given --pid, the server's heap per session (jcmd <pid> GC.run, then GC.heap_info), before and after the sessions
were opened.

All sessions come from one address, so the server's per-address limit on new sessions
(gradlab.sessions.new-per-address-per-minute, default 240 a minute) turns most of 10 + 50 + 100 + 200 away: lift it
for a class-size run (the server flag below). A polite 503 (the class is full, Retry-After) is counted and reported,
never a crash.

    java -Xmx1g -jar target/gradlab.jar --server.port=8080 --gradlab.sessions.new-per-address-per-minute=100000 &
    python3 bench/load.py --port 8080 --pid $! --sessions 10 50 100 200 --clicks 20
    python3 bench/load.py --port 8080 --flood 3000      # default limits: counts 200s and polite 503s

It stops by itself (bounded sessions, clicks and a --max-seconds budget) and refuses any host but loopback.
"""
import argparse
import http.cookiejar
import json
import re
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

CLICK_DATA = {"event.shiftKey": False, "event.metaKey": False, "event.detail": 1, "event.ctrlKey": False,
              "event.clientX": 0, "event.clientY": 0, "event.altKey": False, "event.button": 0,
              "event.screenY": 0, "event.screenX": 0}


class Refused(Exception):
    """The server turned a new session away politely (503, the class is full, or too many from this address)."""

    def __init__(self, retry_after):
        super().__init__("503, Retry-After: %s" % retry_after)
        self.retry_after = retry_after


class Session:
    def __init__(self, base, scenario, target="step-forward", other="step-back"):
        self.target = target
        self.other = other
        self.buttons = []
        self.clicks = 0
        self.status = None
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.scenario = scenario
        self.csrf = None
        self.ui = None
        self.sync = 0
        self.client = 0
        self.button = None

    def open(self):
        # as a browser does: the page (this opens the session), the bootstrap, then the client-side navigation that
        # makes the server build the view (Flow's "ui-navigate" DOM event on the UI's body element, node 1)
        try:
            with self.opener.open(f"{self.base}/lab/{self.scenario}", timeout=30) as r:
                r.read()
        except urllib.error.HTTPError as e:
            if e.code == 503:
                raise Refused(e.headers.get("Retry-After")) from None
            raise
        url = f"{self.base}/?v-r=init&location=lab%2F{self.scenario}&query="
        with self.opener.open(url, timeout=30) as r:
            body = json.loads(r.read().decode("utf-8"))
        uidl = body["appConfig"]["uidl"]
        self.csrf = uidl.get("Vaadin-Security-Key")
        self.ui = body["appConfig"].get("v-uiId", 0)
        self.sync = uidl.get("syncId", 0)
        self.client = uidl.get("clientId", 0)
        changes = uidl.get("changes", [])
        if find_node(changes, self.target) is None:
            reply = self.rpc({"type": "event", "node": 1, "event": "ui-navigate",
                              "data": {"route": f"lab/{self.scenario}", "query": "", "appShellTitle": "",
                                       "historyState": {"idx": 0}, "trigger": ""}})[1]
            changes = reply.get("changes", [])
        self.button = find_node(changes, self.target)
        self.status = find_node(changes, "training-status")
        if self.button is None:
            raise RuntimeError("no #%s in lab/%s" % (self.target, self.scenario))
        back = None if self.other is None else find_node(changes, self.other)
        self.buttons = [self.button] if back is None else [self.button, back]
        # Flow keeps a copy of its last answer (for a client that resends a message), here the whole page. A browser's
        # next message (its answers to the page's own calls) replaces it at once; an empty message does so here, so
        # the heap per session is what an open page keeps, not that copy (about 0.25 MB of the Lab's 0.65 MB)
        self.rpc(None)

    def train(self, deadline):
        """Clicks Start training, then polls (heartbeat + empty UIDL, as a page without push would) until it ends:
        returns the final state ("done", "cancelled", "failed", "error"), or "unfinished" at the deadline."""
        self.click()
        state = None
        while time.time() < deadline:
            time.sleep(0.5)
            hb = urllib.request.Request(f"{self.base}/?v-r=heartbeat&v-uiId={self.ui}", data=b"", method="POST")
            with self.opener.open(hb, timeout=30) as r:
                r.read()
            reply = self.rpc(None)[1]
            for c in reply.get("changes", []):
                if c.get("node") == self.status and c.get("key") == "data-state":
                    state = c.get("value")
            if state is not None and state not in ("idle", "queued", "running"):
                return state
        return "unfinished"

    def click(self):
        """Clicks the target button, or the target and the other one in turn; returns the round trip in seconds."""
        node = self.buttons[self.clicks % len(self.buttons)]
        self.clicks += 1
        return self.rpc({"type": "event", "node": node, "event": "click", "data": CLICK_DATA})[0]

    def rpc(self, call):
        msg = {"csrfToken": self.csrf, "rpc": [] if call is None else [call], "syncId": self.sync,
               "clientId": self.client}
        req = urllib.request.Request(f"{self.base}/?v-r=uidl&v-uiId={self.ui}", data=json.dumps(msg).encode(),
                                     headers={"Content-Type": "application/json; charset=UTF-8"})
        t0 = time.perf_counter()
        with self.opener.open(req, timeout=60) as r:
            text = r.read().decode("utf-8")
        elapsed = time.perf_counter() - t0
        text = text[len("for(;;);"):] if text.startswith("for(;;);") else text
        reply = json.loads(text)
        reply = reply[0] if isinstance(reply, list) else reply
        before = self.sync
        if "syncId" in reply:
            self.sync = reply["syncId"]
        if "clientId" in reply:
            self.client = reply["clientId"]
        # Flow leaves "changes" out of a reply when nothing changed; a request it applied still gets the next syncId
        applied = "changes" in reply or self.sync > before
        meta = reply.get("meta", {})
        if meta.get("sessionExpired") or meta.get("appError") or (call is not None and not applied):
            raise RuntimeError("request not applied: " + text[:200])
        return elapsed, reply


def find_node(changes, element_id):
    for c in changes:
        if c.get("key") == "id" and c.get("value") == element_id:
            return c.get("node")
    return None


def heap_used(pid):
    if pid is None:
        return None
    subprocess.run(["jcmd", str(pid), "GC.run"], check=True, capture_output=True)
    out = subprocess.run(["jcmd", str(pid), "GC.heap_info"], check=True, capture_output=True, text=True).stdout
    m = re.search(r"used (\d+)K", out)
    return int(m.group(1)) * 1024 if m else None


def class_size(base, n, clicks, scenario, pid, threads, deadline):
    before = heap_used(pid)
    sessions, refused = open_all(base, n, scenario, deadline)
    opened = heap_used(pid)
    times = []
    lock = threading.Lock()

    def work(part):
        for _ in range(clicks):
            for s in part:
                if time.time() > deadline:
                    return
                t = s.click()
                with lock:
                    times.append(t)

    parts = [sessions[i::threads] for i in range(threads)]
    t0 = time.perf_counter()
    workers = [threading.Thread(target=work, args=(p,)) for p in parts if p]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    wall = time.perf_counter() - t0
    times.sort()
    if times:
        figures = "p50 %.0f ms  p95 %.0f ms  %.0f clicks/s" % (
            statistics.median(times) * 1000, times[int(0.95 * (len(times) - 1))] * 1000, len(times) / wall)
    else:
        figures = "no click figures (no session opened or no time left)"
    per = "" if before is None or opened is None or not sessions else "  heap/session %.2f MB" % (
        (opened - before) / len(sessions) / 2**20)
    print(f"{n:4d} sessions ({len(sessions)} opened{refusals(refused)}): {len(times)} clicks  {figures}{per}",
          flush=True)


def open_all(base, n, scenario, deadline, target="step-forward", other="step-back"):
    """Opens up to n sessions; returns those opened and the Retry-After of each polite refusal."""
    sessions, refused = [], []
    for _ in range(n):
        if time.time() > deadline:
            break
        s = Session(base, scenario, target, other)
        try:
            s.open()
            sessions.append(s)
        except Refused as r:
            refused.append(r.retry_after)
    return sessions, refused


def refusals(refused):
    if not refused:
        return ""
    return ", %d refused with 503, Retry-After %s" % (len(refused), "/".join(sorted(set(map(str, refused)))))


def trained(base, n, scenario, pid, threads, deadline):
    """Heap per session of n tabs that have each trained a model scenario to the end (all strategies)."""
    before = heap_used(pid)
    sessions, refused = open_all(base, n, scenario, deadline, target="training-start", other=None)
    states = []
    t0 = time.perf_counter()
    parts = [sessions[i::threads] for i in range(threads)]

    def work(part):
        for s in part:
            states.append(s.train(deadline))

    workers = [threading.Thread(target=work, args=(p,)) for p in parts if p]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    after = heap_used(pid)
    per = "" if before is None or after is None or not sessions else "  heap/session after training %.2f MB" % (
        (after - before) / len(sessions) / 2**20)
    ends = ", ".join(f"{k}: {states.count(k)}" for k in sorted(set(states)))
    print(f"{n:4d} sessions ({len(sessions)} opened{refusals(refused)}) trained {scenario} ({ends or 'none'}) "
          f"in {time.perf_counter() - t0:.0f} s{per}", flush=True)


def flood(base, n, deadline):
    counts = {}
    for i in range(n):
        if time.time() > deadline:
            break
        try:
            with urllib.request.urlopen(f"{base}/", timeout=30) as r:  # no cookies: every visit a new session
                r.read()
                code = r.status
        except urllib.error.HTTPError as e:
            code = e.code
            if code == 503 and counts.get(503, 0) == 0:
                print("first refusal: Retry-After", e.headers.get("Retry-After"), flush=True)
        counts[code] = counts.get(code, 0) + 1
    print("flood:", ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())), flush=True)


def main():
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("--host", default="127.0.0.1")
    a.add_argument("--port", type=int, default=8080)
    a.add_argument("--pid", type=int, help="the server's process id, for heap figures via jcmd")
    a.add_argument("--sessions", type=int, nargs="*", default=[10, 50, 100, 200])
    a.add_argument("--clicks", type=int, default=20, help="clicks per session")
    a.add_argument("--threads", type=int, default=8, help="concurrent clicking clients")
    a.add_argument("--scenario", default="gd-by-hand")
    a.add_argument("--flood", type=int, default=0, help="instead: this many cookieless visits")
    a.add_argument("--trained", type=int, default=0, help="also: this many sessions that train --train-scenario")
    a.add_argument("--train-scenario", default="spiral-mlp")
    a.add_argument("--max-seconds", type=int, default=600)
    o = a.parse_args()
    if o.host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("load.py only talks to loopback")
    base = f"http://{o.host}:{o.port}"
    deadline = time.time() + o.max_seconds
    if o.flood:
        check = Session(base, o.scenario)  # a student who came before the crowd
        check.open()
        flood(base, o.flood, deadline)
        print("an existing session still clicks: %.0f ms" % (check.click() * 1000))
        return
    for n in o.sessions:
        if time.time() > deadline:
            print("time budget spent; stopping")
            break
        class_size(base, n, o.clicks, o.scenario, o.pid, o.threads, deadline)
    if o.trained and time.time() < deadline:
        trained(base, o.trained, o.train_scenario, o.pid, min(o.threads, 2), deadline)


if __name__ == "__main__":
    main()
