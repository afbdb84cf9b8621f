#!/usr/bin/env python3
"""Bounded load test of a live class (issue 11, Load), at the protocol level: no browser (standard library only).

N students join one class the way Flow's client does it: each asks for /join/<code>, reads the init bootstrap (CSRF
token, UI id, push id), sends the ui-navigate event, clicks "Join" (button #join-button) and then opens the push
channel the page would open (Atmosphere over a WebSocket: /VAADIN/push?v-r=push&v-uiId=..&v-pushId=..). The
instructor, through the HTTP API, advances S steps; each student notes when the pushed text "Step s of" reaches it.
Then one number question is posed: every student fills "Your prediction" (#prediction-<id>, a property sync) and
clicks Submit in one request, and the API is read until it counts N answers.

Prints the step arrival p50/p95/max (ms from the instructor's request to the push arriving, over all students and
steps), the answers' arrival (ms from the last Submit to answered == N), and, with --pid, the server's heap per
joined student (jcmd GC.run + GC.heap_info, before and after the joins). What it leaves out is a browser's own work
on each message (rendering the step table and charts), which a student's phone does on its own processor.

    GRADLAB_ADMIN_PASSWORD=admin-pw-123 java -Xmx1g -jar target/gradlab.jar --server.port=18100 &
    python3 bench/class_load.py --port 18100 --admin-password admin-pw-123 --pid $! --students 100 --steps 20

Loopback only; at most 300 students and 50 steps; --max-seconds (default 600) ends it whatever happens.
"""
import argparse
import base64
import http.cookiejar
import json
import os
import re
import socket
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

from load import heap_used  # the used heap after a full GC, via jcmd (bench/load.py)

CLICK = {"event.shiftKey": False, "event.metaKey": False, "event.detail": 1, "event.ctrlKey": False,
         "event.clientX": 0, "event.clientY": 0, "event.altKey": False, "event.button": 0,
         "event.screenY": 0, "event.screenX": 0}
STEP_TEXT = re.compile(r"Step (\d+) of \d+")


def changes_of(message):
    """The list of UIDL changes in a server message (an XHR answer or a pushed one), or []."""
    text = message.strip()
    if text.startswith("for(;;);"):
        text = text[len("for(;;);"):]
    try:
        body = json.loads(text)
    except ValueError:
        return []
    if isinstance(body, list):
        body = body[0] if body else {}
    return body.get("changes", []) if isinstance(body, dict) else []


def node_with_id(changes, element_id):
    for c in changes:
        if c.get("key") == "id" and c.get("value") == element_id:
            return c.get("node")
    return None


def node_with_id_prefix(changes, prefix):
    for c in changes:
        if c.get("key") == "id" and isinstance(c.get("value"), str) and c["value"].startswith(prefix):
            return c.get("node"), c["value"]
    return None, None


class Student:
    def __init__(self, base, code, index):
        self.base = base
        self.code = code
        self.index = index
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.opener.addheaders = [("Accept-Language", "en-US")]
        self.csrf = None
        self.ui = 0
        self.sync = 0
        self.client = 0
        self.push_id = None
        self.sock = None
        self.seen = {}  # step -> arrival time (s, time.time())
        self.prediction = None  # (node, element id) of the current question's field
        self.submit = None
        self.lock = threading.Lock()
        self.closed = False

    def rpc(self, invocations):
        payload = {"csrfToken": self.csrf, "rpc": invocations, "syncId": self.sync, "clientId": self.client}
        req = urllib.request.Request(f"{self.base}/?v-r=uidl&v-uiId={self.ui}",
                                     data=json.dumps(payload).encode("utf-8"),
                                     headers={"Content-Type": "application/json; charset=UTF-8"}, method="POST")
        with self.opener.open(req, timeout=30) as r:
            text = r.read().decode("utf-8")
        self.client += 1
        self.note(text)
        return changes_of(text)

    def note(self, text):
        """Everything the server says: the newest syncId, question fields, and step texts with their arrival."""
        now = time.time()
        m = re.search(r'"syncId"\s*:\s*(\d+)', text)
        # parsing a whole step-table message takes the client's time from the other students: only when it matters
        changes = changes_of(text) if "prediction-" in text or "submit-" in text else []
        with self.lock:
            if m:
                self.sync = max(self.sync, int(m.group(1)))
            for s in STEP_TEXT.findall(text):
                self.seen.setdefault(int(s), now)
            node, element = node_with_id_prefix(changes, "prediction-")
            if node is not None:
                self.prediction = (node, element)
            node, element = node_with_id_prefix(changes, "submit-")
            if node is not None:
                self.submit = (node, element)

    def join(self):
        with self.opener.open(f"{self.base}/join/{self.code}", timeout=30) as r:
            r.read()
        url = f"{self.base}/?v-r=init&location=join%2F{self.code}&query="
        with self.opener.open(url, timeout=30) as r:
            body = json.loads(r.read().decode("utf-8"))
        uidl = body["appConfig"]["uidl"]
        self.csrf = uidl.get("Vaadin-Security-Key")
        self.push_id = uidl.get("Vaadin-Push-ID")
        self.ui = body["appConfig"].get("v-uiId", 0)
        self.sync = uidl.get("syncId", 0)
        self.client = uidl.get("clientId", 0)
        changes = uidl.get("changes", [])
        button = node_with_id(changes, "join-button")
        if button is None:
            changes = self.rpc([{"type": "event", "node": 1, "event": "ui-navigate",
                                 "data": {"route": f"join/{self.code}", "query": "", "appShellTitle": "",
                                          "historyState": {"idx": 0}, "trigger": ""}}])
            button = node_with_id(changes, "join-button")
        if button is None:
            raise RuntimeError("no #join-button on /join/" + self.code)
        changes = self.rpc([{"type": "event", "node": button, "event": "click", "data": CLICK}])
        if node_with_id(changes, "class-step") is None:
            raise RuntimeError("the join click did not open the class page (student %d)" % self.index)

    def open_push(self):
        host, port = urllib.parse.urlsplit(self.base).hostname, urllib.parse.urlsplit(self.base).port
        query = urllib.parse.urlencode({
            "v-r": "push", "v-uiId": self.ui, "v-pushId": self.push_id,
            "X-Atmosphere-tracking-id": "0", "X-Atmosphere-Framework": "3.1.5-javascript",
            "X-Atmosphere-Transport": "websocket", "X-Atmosphere-TrackMessageSize": "true",
            "Content-Type": "application/json; charset=UTF-8", "X-atmo-protocol": "true"})
        cookie = "; ".join(f"{c.name}={c.value}" for c in self.jar)
        sock = socket.create_connection((host, port), timeout=30)
        key = base64.b64encode(os.urandom(16)).decode("ascii")
        sock.sendall((f"GET /VAADIN/push?{query} HTTP/1.1\r\nHost: {host}:{port}\r\nUpgrade: websocket\r\n"
                      f"Connection: Upgrade\r\nSec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n"
                      f"Origin: http://{host}:{port}\r\nCookie: {cookie}\r\n\r\n").encode("ascii"))
        head = b""
        while b"\r\n\r\n" not in head:
            chunk = sock.recv(4096)
            if not chunk:
                raise RuntimeError("push connection closed during the handshake")
            head += chunk
        status, rest = head.split(b"\r\n\r\n", 1)
        if b" 101 " not in status.split(b"\r\n")[0]:
            raise RuntimeError("push handshake refused: " + status.split(b"\r\n")[0].decode("latin-1"))
        sock.settimeout(None)
        self.sock = sock
        threading.Thread(target=self.read_push, args=(rest,), daemon=True).start()

    def read_push(self, pending):
        buf = bytearray(pending)
        text = ""

        def need(n):
            while len(buf) < n:
                chunk = self.sock.recv(65536)
                if not chunk:
                    raise EOFError
                buf.extend(chunk)

        try:
            while not self.closed:
                need(2)
                opcode, length = buf[0] & 0x0F, buf[1] & 0x7F
                offset = 2
                if length == 126:
                    need(4)
                    length, offset = int.from_bytes(buf[2:4], "big"), 4
                elif length == 127:
                    need(10)
                    length, offset = int.from_bytes(buf[2:10], "big"), 10
                need(offset + length)
                data = bytes(buf[offset:offset + length])
                del buf[:offset + length]
                if opcode == 8:
                    return
                if opcode == 9:  # ping: answer with a masked pong
                    mask = os.urandom(4)
                    self.sock.sendall(bytes([0x8A, 0x80 | len(data)]) + mask
                                      + bytes(b ^ mask[i % 4] for i, b in enumerate(data)))
                    continue
                if opcode not in (0, 1):
                    continue
                # Atmosphere with trackMessageLength: "<length>|<message>", possibly several or split across frames
                text += data.decode("utf-8", errors="replace")
                while True:
                    bar = text.find("|")
                    if bar < 0 or not text[:bar].isdigit():
                        break
                    size = int(text[:bar])
                    if len(text) < bar + 1 + size:
                        break
                    self.note(text[bar + 1:bar + 1 + size])
                    text = text[bar + 1 + size:]
        except (EOFError, OSError):
            return

    def answer(self, value):
        with self.lock:
            field, button = self.prediction, self.submit
        if field is None or button is None:
            return False
        self.rpc([{"type": "mSync", "node": field[0], "feature": 1, "property": "value", "value": value},
                  {"type": "event", "node": button[0], "event": "click", "data": CLICK}])
        return True

    def close(self):
        self.closed = True
        if self.sock is not None:
            try:
                self.sock.close()
            except OSError:
                pass


def api(base, method, path, user, password, body=None):
    data = None if body is None else body.encode("utf-8")
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header("Authorization", "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode())
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req, timeout=30) as r:
            return r.status, r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode("utf-8", errors="replace")


def pct(values, p):
    if not values:
        return None
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered) + 0.5)) - 1))]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=8080)
    ap.add_argument("--admin-password", default=os.environ.get("GRADLAB_ADMIN_PASSWORD", ""))
    ap.add_argument("--pid", type=int)
    ap.add_argument("--students", type=int, default=100)
    ap.add_argument("--steps", type=int, default=20)
    ap.add_argument("--wait", type=float, default=3.0, help="seconds to wait for every student after each step")
    ap.add_argument("--max-seconds", type=int, default=600)
    a = ap.parse_args()
    if a.host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("class_load: loopback only (--host 127.0.0.1, localhost or ::1)")
    students_n, steps = min(300, max(1, a.students)), min(50, max(1, a.steps))
    base = f"http://{a.host}:{a.port}"
    watchdog = threading.Timer(a.max_seconds, lambda: (print("class_load: stopped after --max-seconds",
                                                             file=sys.stderr), os._exit(3)))
    watchdog.daemon = True  # an early error ends the run at once, not after --max-seconds
    watchdog.start()
    user, password = "load-instructor", "load-instructor-pw"
    api(base, "POST", "/api/users", "admin", a.admin_password,
        json.dumps({"username": user, "password": password}))  # 201, or 409 when an earlier run made it
    yaml = ("id: class-load\ntitle: Class load\nkind: manual\nlearningRate: 0.1\nstrategies: [zeroed, summed]\n"
            "params:\n  theta: 10\ngradients:\n" + "".join(f"  - {{theta: {1 if s % 2 else 2}}}\n"
                                                        for s in range(1, steps + 1)))
    status, body = api(base, "POST", "/api/scenarios?visibility=private", user, password, yaml)
    if status != 201:
        sys.exit(f"class_load: POST /api/scenarios gave {status}: {body}")
    slug = json.loads(body)["slug"]
    status, body = api(base, "POST", "/api/classes", user, password,
                       json.dumps({"scenario": slug, "pace": "instructor"}))
    if status != 201:
        sys.exit(f"class_load: POST /api/classes gave {status}: {body}")
    code = json.loads(body)["code"]
    out = {"students": students_n, "steps": steps}
    heap_before = heap_used(a.pid)

    students, failures = [], []
    t = time.time()
    for i in range(students_n):
        s = Student(base, code, i)
        try:
            s.join()
            s.open_push()
            students.append(s)
        except Exception as e:  # noqa: BLE001 - one line per refusal, and the run goes on
            failures.append(f"{type(e).__name__}: {e}")
    out["joined"] = len(students)
    out["join_failures"] = failures[:3]
    out["join_seconds_total"] = round(time.time() - t, 1)
    time.sleep(1.0)  # the last push connections settle
    if a.pid is not None and students:
        heap_after = heap_used(a.pid)
        out["heap_per_student_kb"] = round((heap_after - heap_before) / len(students) / 1024)

    arrivals, missed = [], 0
    for step in range(1, steps + 1):
        t0 = time.time()
        status, body = api(base, "POST", f"/api/classes/{code}/step", user, password, json.dumps({"step": step}))
        if status != 200:
            out["stopped_at_step"] = f"{step}: {status} {body}"
            break
        deadline = t0 + a.wait
        while time.time() < deadline and not all(step in s.seen for s in students):
            time.sleep(0.02)
        for s in students:
            with s.lock:
                at = s.seen.get(step)
            if at is None:
                missed += 1
            else:
                arrivals.append((at - t0) * 1000)
    out["step_arrival_ms_p50"] = round(pct(arrivals, 50)) if arrivals else None
    out["step_arrival_ms_p95"] = round(pct(arrivals, 95)) if arrivals else None
    out["step_arrival_ms_max"] = round(max(arrivals)) if arrivals else None
    out["step_arrivals_within_1s_pct"] = round(
        100 * sum(1 for x in arrivals if x <= 1000) / max(1, len(arrivals) + missed), 1)
    out["step_arrivals_missed"] = missed

    status, body = api(base, "POST", f"/api/classes/{code}/questions", user, password,
                       json.dumps({"kind": "number", "step": steps, "strategy": "summed", "param": "theta",
                                   "index": 0}))
    if status == 201:
        end = time.time() + a.wait
        while time.time() < end and not all(s.prediction for s in students):
            time.sleep(0.02)
        out["question_reached"] = sum(1 for s in students if s.prediction)
        submitted = 0
        for s in students:
            try:
                submitted += 1 if s.answer("1.5") else 0
            except Exception as e:  # noqa: BLE001
                failures.append(f"answer: {type(e).__name__}: {e}")
        last = time.time()
        answered = 0
        while time.time() - last < 30:
            _, st = api(base, "GET", f"/api/classes/{code}", user, password)
            qs = json.loads(st).get("questions", [])
            answered = qs[-1].get("answered", 0) if qs else 0
            if answered >= submitted:
                break
            time.sleep(0.05)
        out["answers_submitted"] = submitted
        out["answers_counted"] = answered
        out["answers_all_counted_ms"] = round((time.time() - last) * 1000)
    else:
        out["question"] = f"{status} {body}"
    api(base, "DELETE", f"/api/classes/{code}", user, password)
    for s in students:
        s.close()
    print(json.dumps(out, indent=1))
    os._exit(0)


if __name__ == "__main__":
    try:
        main()
    except urllib.error.URLError as e:
        sys.exit(f"class_load: no GradLab answers there ({e.reason}); start the server first (see the doc above)")
