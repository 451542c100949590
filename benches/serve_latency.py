#!/usr/bin/env python3
"""Save -> reload latency of `outreach serve` on the benchmark corpus.

Usage: benches/serve_latency.py [--pages 1000] [--runs 20] [--tmp /dev/shm]

Generates the shared corpus (../shared/bench/gen_corpus.py, 8 languages x
(pages + 1)), starts the release build of `outreach serve` on a free port,
opens the live-reload event stream as a browser does, and then, for each
run, saves a page and measures until (a) the `reload` event arrives and
(b) the edited page has been fetched again, as the browser does next.
Three kinds of edit: the text of a page (that page is rendered again), its
title (every page of the language lists it), and a campaign file
(everything). Prints median, 90th percentile and worst, in milliseconds.
SERVE_STDERR=FILE keeps what the server prints (for timers added while
profiling); otherwise it is discarded.
"""
import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def get(port, path):
    with socket.create_connection(("127.0.0.1", port)) as s:
        s.sendall(f"GET {path} HTTP/1.0\r\nHost: localhost\r\n\r\n".encode())
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    return data


class Events:
    def __init__(self, port):
        self.sock = socket.create_connection(("127.0.0.1", port))
        self.sock.sendall(b"GET /_outreach/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
        self.buf = b""
        while b"\r\n\r\n" not in self.buf:
            self.buf += self.sock.recv(4096)
        self.buf = self.buf.split(b"\r\n\r\n", 1)[1]

    def next(self):
        while b"\n\n" not in self.buf:
            chunk = self.sock.recv(65536)
            if not chunk:
                raise SystemExit("event stream closed")
            self.buf += chunk
        event, self.buf = self.buf.split(b"\n\n", 1)
        name = re.search(rb"^event: (.*)$", event, re.M)
        return name.group(1).decode() if name else None


def summary(name, samples):
    samples = sorted(samples)
    p90 = samples[max(0, int(len(samples) * 0.9) - 1)]
    print(f"{name}: median {statistics.median(samples):.0f} ms, "
          f"90th percentile {p90:.0f} ms, worst {samples[-1]:.0f} ms ({len(samples)} saves)")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--tmp", default=None)
    args = parser.parse_args()
    subprocess.run(["cargo", "build", "--release", "--quiet"], cwd=REPO, check=True)
    binary = os.path.join(REPO, "target", "release", "outreach")
    gen = os.environ.get("GEN_CORPUS", os.path.join(REPO, "..", "shared", "bench", "gen_corpus.py"))
    with tempfile.TemporaryDirectory(dir=args.tmp) as work:
        subprocess.run([sys.executable, gen, work, "--pages", str(args.pages)], check=True,
                       stdout=subprocess.DEVNULL)
        server = subprocess.Popen([binary, "serve", "--root", work, "--port", "0"],
                                  stdout=subprocess.PIPE, stderr=open(os.environ.get("SERVE_STDERR", os.devnull), "w"), text=True)
        try:
            line = server.stdout.readline()
            port = int(re.search(r":(\d+)/", line).group(1))
            events = Events(port)
            page = os.path.join(work, "content", "bench", "sq", "page-0500.md")
            campaign = os.path.join(work, "campaigns", "bench.yaml")
            original = open(page, encoding="utf-8").read()
            yaml = open(campaign, encoding="utf-8").read()
            kinds = {
                "text of one page": lambda i: (page, original + f"\nEdit number {i}.\n"),
                "title of one page": lambda i: (page, re.sub(r"^title: .*$", f'title: "Title {i}"',
                                                             original, count=1, flags=re.M)),
                "campaign file": lambda i: (campaign, yaml + f"\n# edit {i}\n"),
            }
            for name, edit in kinds.items():
                to_event, to_page = [], []
                for i in range(args.runs):
                    path, text = edit(i)
                    started = time.perf_counter()
                    with open(path, "w", encoding="utf-8") as f:
                        f.write(text)
                    while events.next() != "reload":
                        pass
                    reloaded = time.perf_counter()
                    get(port, "/bench/sq/page-0500.html")
                    fetched = time.perf_counter()
                    to_event.append((reloaded - started) * 1000)
                    to_page.append((fetched - started) * 1000)
                    time.sleep(0.2)
                summary(f"{name}: save -> reload event", to_event)
                summary(f"{name}: save -> page fetched", to_page)
        finally:
            server.kill()


if __name__ == "__main__":
    main()
