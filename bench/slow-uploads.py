#!/usr/bin/env python3
"""Slow uploaders against page probes, from one client address.

usage: bench/slow-uploads.py BASE_URL [UPLOADERS=600] [SECONDS=30] [PROBE_PATH=/programs/internal-medicine]

Keeps UPLOADERS connections busy sending a POST whose body is within the site's limits
(Content-Length 4000 to /api/v1/inquiries and /inquiries) one byte every 5 seconds; when the
server cuts one off, another takes its place. Meanwhile 4 probe threads fetch PROBE_PATH, /search
and /inquiries/new in turn, each as fast as it is answered, over keep-alive connections. Prints how
many uploads were cut off and by which answer, and the probes' latency percentiles.
Exit status 0 when every probe was answered and the p99 is under 100 ms.
"""
import http.client
import socket
import sys
import threading
import time
import urllib.parse

base = sys.argv[1]
uploaders = int(sys.argv[2]) if len(sys.argv) > 2 else 600
seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 30
probe_path = sys.argv[4] if len(sys.argv) > 4 else "/programs/internal-medicine"
url = urllib.parse.urlparse(base)
host, port = url.hostname, url.port or 80
stop_at = time.time() + seconds
lock = threading.Lock()
cut_off = {}
opened = [0]


def open_upload(i):
    path = "/api/v1/inquiries" if i % 2 else "/inquiries"
    kind = "application/json" if i % 2 else "application/x-www-form-urlencoded"
    s = socket.create_connection((host, port), timeout=10)
    s.sendall((f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: {kind}\r\n"
               f"Content-Length: 4000\r\n\r\n{{").encode())
    s.setblocking(False)
    with lock:
        opened[0] += 1
    return s


def uploads():
    socks = {}
    for i in range(uploaders):
        try:
            socks[i] = open_upload(i)
        except OSError:
            pass
    while time.time() < stop_at:
        for i in list(socks):
            s = socks[i]
            try:
                answer = s.recv(64)
                if answer:
                    status = answer.split(b" ")[1].decode() if answer.startswith(b"HTTP/") else "?"
                    with lock:
                        cut_off[status] = cut_off.get(status, 0) + 1
                    s.close()
                    socks[i] = open_upload(i)
                    continue
            except BlockingIOError:
                pass
            except OSError:
                with lock:
                    cut_off["closed"] = cut_off.get("closed", 0) + 1
                try:
                    socks[i] = open_upload(i)
                except OSError:
                    del socks[i]
                continue
            try:
                s.send(b" ")
            except (BlockingIOError, OSError):
                pass
        time.sleep(5)
    for s in socks.values():
        s.close()


latencies = []
failures = [0]


def probe():
    paths = [probe_path, "/search?q=heart", "/inquiries/new"]
    conn = None
    n = 0
    while time.time() < stop_at:
        path = paths[n % len(paths)]
        n += 1
        started = time.time()
        try:
            if conn is None:
                conn = http.client.HTTPConnection(host, port, timeout=5)
            conn.request("GET", path, headers={"Accept-Encoding": "gzip"})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                raise OSError(f"status {response.status}")
            with lock:
                latencies.append((time.time() - started) * 1000)
        except (OSError, http.client.HTTPException):
            with lock:
                failures[0] += 1
            conn = None
        time.sleep(0.01)


threading.Thread(target=uploads, daemon=True).start()
time.sleep(2)  # let the uploaders connect
probes = [threading.Thread(target=probe) for _ in range(4)]
for t in probes:
    t.start()
for t in probes:
    t.join()
latencies.sort()


def pct(p):
    return latencies[min(len(latencies) - 1, int(len(latencies) * p))] if latencies else -1


print(f"uploaders={uploaders} uploads_opened={opened[0]} cut_off={dict(sorted(cut_off.items()))} "
      f"probes={len(latencies) + failures[0]} failed={failures[0]} "
      f"p50={pct(0.50):.1f}ms p99={pct(0.99):.1f}ms max={latencies[-1] if latencies else -1:.1f}ms")
sys.exit(0 if failures[0] == 0 and latencies and pct(0.99) < 100 else 1)
