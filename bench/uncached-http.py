#!/usr/bin/env python3
"""Answers no cache holds, over HTTP: every request a finder address or a search never asked before.

usage: bench/uncached-http.py PORT [REQUESTS=4000] [CLIENTS=16]

Start the server first over a large catalog (bench/uncached-http.sh does: 10,000 cloned programs).
Finder: type x specialty x department x sort, read off the finder's own lists, each combination once.
Search: three words out of twenty, each combination once. 16 keep-alive clients; p50/p95/p99/max in ms,
then /healthz the same way as the floor of this client and machine."""
import http.client, itertools, re, sys, threading, time, html, urllib.parse

port = int(sys.argv[1]); total = int(sys.argv[2]) if len(sys.argv) > 2 else 4000; clients = int(sys.argv[3]) if len(sys.argv) > 3 else 16

def get(conn, path):
    conn.request("GET", path)
    r = conn.getresponse(); body = r.read()
    return r.status, body

def options(page, facet):
    select = re.search(r'<select id="f-%s"[^>]*>(.*?)</select>' % facet, page, re.S).group(1)
    return [urllib.parse.quote_plus(html.unescape(v)) for v in re.findall(r'<option value="([^"]+)"', select)]

first = http.client.HTTPConnection("127.0.0.1", port)
page = get(first, "/programs")[1].decode()
specialties, departments = options(page, "specialty"), options(page, "department")
finder = ["/programs?type=%s&specialty=%s&department=%s%s" % (t, s, d, o) for o, t, d, s in
          itertools.product(["", "&sort=length"], ["fellowship", "residency"], departments, specialties)]
words = ["surgery", "pediatrics", "visa", "cardiology", "rural", "research", "neurology", "fellowship", "residency", "heart",
         "kids", "cancer", "internal", "medicine", "family", "psychiatry", "radiology", "pharmacy", "interview", "virtual"]
search = ["/search?q=%s+%s+%s" % w for w in itertools.permutations(words, 3)]

def run(name, paths):
    paths = paths[:total]; lock = threading.Lock(); latencies = []; bad = [0]; it = iter(paths)
    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port)
        while True:
            with lock:
                path = next(it, None)
            if path is None:
                return
            t = time.perf_counter(); status, _ = get(conn, path); ms = (time.perf_counter() - t) * 1000
            with lock:
                latencies.append(ms)
                if status != 200: bad[0] += 1
    start = time.perf_counter()
    threads = [threading.Thread(target=worker) for _ in range(clients)]
    [t.start() for t in threads]; [t.join() for t in threads]
    wall = time.perf_counter() - start
    latencies.sort(); q = lambda p: latencies[min(len(latencies) - 1, int(p * len(latencies)))]
    print("%-40s n=%d req/s=%.0f p50=%.1fms p95=%.1fms p99=%.1fms max=%.1fms non-200=%d"
          % (name, len(latencies), len(latencies) / wall, q(0.5), q(0.95), q(0.99), latencies[-1], bad[0]))

run("finder, new filters every request", finder)
run("search, a new question every request", search)
run("/healthz (floor of this client)", ["/healthz"] * min(total, 4000))
