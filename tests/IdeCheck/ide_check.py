#!/usr/bin/env python3
"""IDE check: ModelPolicy.Analyzers' squiggles in a real language server (csharp-ls, analyzers on).

A small LSP client (python3, standard library only). It starts csharp-ls from the tool manifest next to
this file (`dotnet tool run csharp-ls`, after `dotnet tool restore`), opens a restored consumer project,
answers `workspace/configuration` with `csharp.analyzersEnabled: true`, opens one file and pulls its
diagnostics (`textDocument/diagnostic`) until the expected findings are there, then types a line
(`didChange`) and pulls again until the expected finding is on that line.

    python3 tests/IdeCheck/ide_check.py --project DIR/IdeConsumer --file Chat.cs --results results.txt

It prints what it saw and writes `key=value` lines to --results for .ci/checks/50-ide.sh to judge:
    load_s             seconds from `initialized` to the first pull with every --expect id on its line
    open_ids           the ids on open, with counts (MP0001:1,MP0002:1,...)
    open_MP0001 ...    the 1-based lines of each expected id on open (or none)
    typed_line         the 1-based line typed
    typed_s            seconds from didChange to the first pull with --typed-id on the typed line (or none)
    open_MP0010        number of MP0010 entries in the editor's list on open (hidden severity: LSP hints)
    after_MP0010       the same after the change
    ok                 1 when every expected id was found on open and the typed one within --bound
The server (and everything it started: its process group) is always killed; every wait is bounded.
Exit code: 0 if ok, 1 if a finding is missing or late, 2 on a usage error, 3 if the server did not answer.
"""
import argparse
import json
import os
import queue
import re
import signal
import subprocess
import sys
import threading
import time
import urllib.parse
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))


def log(msg):
    print("ide: " + msg, flush=True)


class Server:
    """csharp-ls over stdio: Content-Length framing, a reader thread, answers to the server's own requests."""

    def __init__(self, args, cwd, env, wire_log, settings):
        self.settings = settings
        self.proc = subprocess.Popen(
            args, cwd=cwd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            start_new_session=True)  # its own process group: killed as a whole, by its id
        self.pgid = self.proc.pid
        self.wire = open(wire_log, "w", encoding="utf-8") if wire_log else None
        self.write_lock = threading.Lock()
        self.next_id = 0
        self.pending = {}
        self.pending_lock = threading.Lock()
        self.notifications = queue.Queue()
        self.closed = threading.Event()
        threading.Thread(target=self._read, daemon=True).start()
        threading.Thread(target=self._stderr, daemon=True).start()

    def _trace(self, direction, payload):
        if self.wire:
            self.wire.write("%.3f %s %s\n" % (time.monotonic(), direction, payload))
            self.wire.flush()

    def _send(self, message):
        body = json.dumps(message).encode("utf-8")
        self._trace("->", body.decode("utf-8")[:4000])
        with self.write_lock:
            self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
            self.proc.stdin.flush()

    def _stderr(self):
        for line in self.proc.stderr:
            self._trace("stderr", line.decode("utf-8", "replace").rstrip())

    def _read(self):
        stream = self.proc.stdout
        try:
            while True:
                length = None
                while True:
                    line = stream.readline()
                    if not line:
                        return
                    line = line.strip()
                    if not line:
                        break
                    name, _, value = line.decode("ascii", "replace").partition(":")
                    if name.lower() == "content-length":
                        length = int(value.strip())
                if length is None:
                    continue
                body = stream.read(length)
                self._trace("<-", body.decode("utf-8", "replace")[:4000])
                message = json.loads(body)
                if "method" in message and "id" in message:
                    self._answer(message)
                elif "method" in message:
                    self.notifications.put(message)
                else:
                    with self.pending_lock:
                        slot = self.pending.pop(message.get("id"), None)
                    if slot is not None:
                        slot.put(message)
        finally:
            self.closed.set()

    def _answer(self, request):
        method = request["method"]
        params = request.get("params") or {}
        result = None
        if method == "workspace/configuration":
            result = []
            for item in params.get("items", []):
                section = item.get("section") or ""
                if section == "csharp":
                    result.append(self.settings)
                elif section.startswith("csharp."):
                    result.append(self.settings.get(section[len("csharp."):]))
                else:
                    result.append(None)
        # client/registerCapability, window/workDoneProgress/create, workspace/diagnostic/refresh, ...: null is the answer
        self._send({"jsonrpc": "2.0", "id": request["id"], "result": result})

    def request(self, method, params, timeout):
        with self.pending_lock:
            self.next_id += 1
            rid = self.next_id
            slot = queue.Queue()
            self.pending[rid] = slot
        self._send({"jsonrpc": "2.0", "id": rid, "method": method, "params": params})
        try:
            reply = slot.get(timeout=timeout)
        except queue.Empty:
            with self.pending_lock:
                self.pending.pop(rid, None)
            raise TimeoutError("%s: no answer in %.0f s" % (method, timeout))
        if "error" in reply:
            raise RuntimeError("%s: %s" % (method, reply["error"]))
        return reply.get("result")

    def notify(self, method, params):
        self._send({"jsonrpc": "2.0", "method": method, "params": params})

    def stop(self):
        """shutdown + exit, bounded; then the whole process group is killed whatever happened."""
        try:
            if self.proc.poll() is None and not self.closed.is_set():
                try:
                    self.request("shutdown", None, timeout=5)
                    self.notify("exit", None)
                except Exception:
                    pass
                try:
                    self.proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    pass
        finally:
            self.kill()

    def kill(self):
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(self.pgid, sig)
            except (ProcessLookupError, PermissionError):
                break
            try:
                self.proc.wait(timeout=3)
                # the group may still hold children (MSBuild build hosts)
            except subprocess.TimeoutExpired:
                pass
        if self.wire:
            self.wire.close()
            self.wire = None


def file_uri(path):
    return urllib.parse.urljoin("file:", urllib.request.pathname2url(os.path.abspath(path)))


def code_of(diagnostic):
    code = diagnostic.get("code")
    if isinstance(code, dict):
        code = code.get("value")
    return str(code) if code is not None else ""


def by_id(items):
    """{id: sorted 1-based lines} of the MP diagnostics in a pull result."""
    found = {}
    for d in items:
        code = code_of(d)
        if code.startswith("MP"):
            found.setdefault(code, []).append(d["range"]["start"]["line"] + 1)
    return {k: sorted(v) for k, v in found.items()}


def summary(found):
    return ",".join("%s:%d" % (k, len(v)) for k, v in sorted(found.items())) or "none"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--project", required=True, help="the restored consumer project's folder (workspace root)")
    parser.add_argument("--file", required=True, help="the file to open, relative to --project")
    parser.add_argument("--expect", default="MP0001=\"gpt-4o\",MP0002=\"qwen-max\",MP0004=api.deepseek.com",
                        help="ID=TEXT,...: each id required on open on the first line holding TEXT")
    parser.add_argument("--after", default="// The IDE check types a line here.", help="the typed line goes below the line holding this text")
    parser.add_argument("--typed", default='            var typed = client.GetChatClient("qwen-max");', help="the line typed")
    parser.add_argument("--typed-id", default="MP0002", help="the id required on the typed line")
    parser.add_argument("--bound", type=float, default=3.0, help="seconds the typed finding may take")
    parser.add_argument("--load-timeout", type=float, default=120.0, help="seconds for the solution load and the first full result")
    parser.add_argument("--deadline", type=float, default=170.0, help="hard limit for the whole session, seconds")
    parser.add_argument("--results", help="key=value results file")
    parser.add_argument("--wire-log", help="write the JSON-RPC traffic and the server's stderr here")
    parser.add_argument("--server", default="dotnet tool run csharp-ls --", help="the server command (run in this script's folder, where the tool manifest is)")
    parser.add_argument("--loglevel", default="info")
    args = parser.parse_args()

    project = os.path.abspath(args.project)
    path = os.path.join(project, args.file)
    if not os.path.isfile(path):
        print("no such file: " + path, file=sys.stderr)
        return 2
    with open(path, encoding="utf-8") as f:
        text = f.read()
    lines = text.split("\n")

    def line_holding(needle):
        for i, line in enumerate(lines):
            if needle in line:
                return i + 1
        raise SystemExit("ide: no line holds %r in %s" % (needle, path))

    expected = {}
    for part in args.expect.split(","):
        rule, _, needle = part.partition("=")
        expected[rule.strip()] = line_holding(needle)
    typed_line = line_holding(args.after) + 1  # 1-based line of the typed text

    results = {"typed_line": typed_line, "ok": 0, "load_s": "none", "typed_s": "none", "open_ids": "none",
               "open_MP0010": "none", "after_MP0010": "none"}
    for rule in expected:
        results["open_" + rule] = "none"

    def write_results():
        if args.results:
            with open(args.results, "w", encoding="utf-8") as f:
                for k, v in results.items():
                    f.write("%s=%s\n" % (k, v))

    settings = {"analyzersEnabled": True, "logLevel": args.loglevel}
    env = dict(os.environ)
    env.setdefault("DOTNET_CLI_TELEMETRY_OPTOUT", "1")
    env.setdefault("DOTNET_NOLOGO", "1")
    env.setdefault("MSBUILDDISABLENODEREUSE", "1")
    server = Server(args.server.split(), HERE, env, args.wire_log, settings)
    started = time.monotonic()

    # The hard limit: whatever hangs, the server is killed and the results so far are written.
    def watchdog():
        if not server.closed.wait(args.deadline):
            log("FAIL: the session passed its %.0f s limit; killing the server" % args.deadline)
            write_results()
            server.kill()
            os._exit(3)
    threading.Thread(target=watchdog, daemon=True).start()

    # Killed from outside (CI's timeout sends SIGTERM): take the server down with us.
    def terminated(signum, frame):
        log("terminated by signal %d; killing the server" % signum)
        write_results()
        server.kill()
        os._exit(128 + signum)
    signal.signal(signal.SIGTERM, terminated)
    signal.signal(signal.SIGHUP, terminated)

    rc = 3
    try:
        uri = file_uri(path)
        root = file_uri(project)
        init = server.request("initialize", {
            "processId": os.getpid(),
            "clientInfo": {"name": "modelpolicy-ide-check", "version": "1"},
            "rootUri": root,
            "rootPath": project,
            "workspaceFolders": [{"uri": root, "name": os.path.basename(project)}],
            "initializationOptions": {"csharp": settings},
            "capabilities": {
                "workspace": {"configuration": True, "workspaceFolders": True,
                              "didChangeConfiguration": {"dynamicRegistration": True},
                              "diagnostics": {"refreshSupport": True}},
                "textDocument": {
                    "synchronization": {"dynamicRegistration": True, "didSave": True},
                    "diagnostic": {"dynamicRegistration": True, "relatedDocumentSupport": False},
                    "publishDiagnostics": {"relatedInformation": False},
                },
                "window": {"workDoneProgress": True},
            },
        }, timeout=60)
        caps = (init or {}).get("capabilities", {})
        sync = caps.get("textDocumentSync")
        sync_kind = sync.get("change", 1) if isinstance(sync, dict) else (sync or 1)
        server_info = (init or {}).get("serverInfo", {})
        log("initialized %s %s (text sync %s, diagnosticProvider %s)" % (
            server_info.get("name", "?"), server_info.get("version", "?"), sync_kind, "diagnosticProvider" in caps))
        server.notify("initialized", {})
        server.notify("workspace/didChangeConfiguration", {"settings": {"csharp": settings}})
        t_init = time.monotonic()
        server.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "csharp", "version": 1, "text": text}})

        def pull(timeout):
            result = server.request("textDocument/diagnostic", {"textDocument": {"uri": uri}}, timeout=timeout) or {}
            return result.get("items", []) if result.get("kind", "full") == "full" else None

        # 1. On open: poll until every expected id is on its line (the solution loads in the background).
        found = {}
        while True:
            remaining = args.load_timeout - (time.monotonic() - t_init)
            if remaining <= 0:
                break
            try:
                items = pull(timeout=max(1.0, remaining))
            except (TimeoutError, RuntimeError) as e:
                log("pull: %s" % e)
                items = None
            if items is not None:
                found = by_id(items)
                if all(line in found.get(rule, []) for rule, line in expected.items()):
                    results["load_s"] = "%.2f" % (time.monotonic() - t_init)
                    break
            time.sleep(0.5)
        results["open_ids"] = summary(found)
        for rule in expected:
            results["open_" + rule] = ",".join(str(n) for n in found.get(rule, [])) or "none"
        results["open_MP0010"] = len(found.get("MP0010", []))
        log("on open (after %s s): %s" % (results["load_s"], results["open_ids"]))
        for rule, line in expected.items():
            log("  %s expected on line %d: %s" % (rule, line, "yes" if line in found.get(rule, []) else "NO (lines: %s)" % results["open_" + rule]))
        log("  MP0010 entries in the editor's list: %d" % results["open_MP0010"])
        open_ok = results["load_s"] != "none"

        # 2. Type a line; poll until the typed id is on it (bounded by --bound, polled a little longer to report the time).
        if open_ok:
            new_text = args.typed + "\n"
            if sync_kind == 2:
                change = {"range": {"start": {"line": typed_line - 1, "character": 0}, "end": {"line": typed_line - 1, "character": 0}}, "text": new_text}
            else:
                edited = lines[:typed_line - 1] + [args.typed] + lines[typed_line - 1:]
                change = {"text": "\n".join(edited)}
            t_change = time.monotonic()
            server.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [change]})
            after = {}
            polls = 0
            while time.monotonic() - t_change < max(args.bound * 4, 10.0):
                try:
                    items = pull(timeout=max(args.bound * 4, 10.0))
                except (TimeoutError, RuntimeError) as e:
                    log("pull: %s" % e)
                    items = None
                polls += 1
                if items is not None:
                    after = by_id(items)
                    if typed_line in after.get(args.typed_id, []):
                        results["typed_s"] = "%.2f" % (time.monotonic() - t_change)
                        break
                time.sleep(0.05)
            results["after_MP0010"] = len(after.get("MP0010", []))
            log("typed line %d (%s): %s on it after %s s (%d pulls); list now %s" % (
                typed_line, args.typed.strip(), args.typed_id, results["typed_s"], polls, summary(after)))
            typed_ok = results["typed_s"] != "none" and float(results["typed_s"]) <= args.bound
            results["ok"] = 1 if typed_ok else 0
            rc = 0 if typed_ok else 1
        else:
            rc = 1
        log("session %.1f s" % (time.monotonic() - started))
    except (TimeoutError, RuntimeError, BrokenPipeError, OSError) as e:
        log("FAIL: %s" % e)
        rc = 3
    finally:
        write_results()
        server.stop()
    return rc


if __name__ == "__main__":
    sys.exit(main())
