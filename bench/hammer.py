"""Do pages stay fast while PDFs are hammered? gunicorn with production settings, 3 workers.

CLIENTS parents, each with its own copy of the largest valid draft, ask for the PDF again
and again without pause, taking turns with and without ?tweetalig=nee so that every
request misses the PDF cache and renders. Meanwhile a page (/privacy/) is asked for every
PAGE_EVERY seconds, each on its own thread, so a slow answer does not delay the next
question (the page's latency is measured as a visitor would see it). The PDF limit per
IP address is raised as for the load test (bench/server.py); the limit per session is
the production one. Four runs: the production render cap (PDF_CONCURRENT_RENDERS, cores − 1;
at most PDF_SLOT_WAITERS requests wait up to PDF_SLOT_WAIT_SECONDS for a slot, the others get a
503 at once), a slot for every worker (no cap), the cap where every request may wait for a slot
(as before PDF_SLOT_WAITERS), and the cap without any wait.
"""
import collections
import os
import threading
import time

from .clients import get, largest_answers, session_with
from .environment import percentile
from .server import WORKER_COUNT, gunicorn

CLIENTS = 20
SECONDS = int(os.environ.get("BENCH_HAMMER_SECONDS", "20"))
PAGE_EVERY = 0.2
PAGE = "/privacy/"
PDF = "/voorbereiding.pdf"
QUIET_SECONDS = 4
GOAL_SECONDS = 1.0


def _pages_every(period, seconds, latencies):
    """Ask for the page every ``period`` seconds for ``seconds``, each on its own thread; wait for all."""
    threads, start = [], time.monotonic()
    for number in range(int(seconds / period)):
        delay = start + number * period - time.monotonic()
        if delay > 0:
            time.sleep(delay)
        thread = threading.Thread(target=lambda: latencies.append(_page()))
        thread.start()
        threads.append(thread)
    for thread in threads:
        thread.join()


def _page():
    status, _headers, seconds = get(PAGE)
    return seconds if status == 200 else float("inf")


def _hammer(session, stop, outcomes):
    # The cache keeps one PDF per draft: after each PDF it got, the client asks for the other
    # variant, which the cache does not have, so every request renders (or waits to).
    number = 0
    while not stop.is_set():
        path = PDF + ("?tweetalig=nee" if number % 2 else "")
        try:
            status, headers, seconds = get(path, session)
        except OSError as error:
            outcomes.append(("error " + type(error).__name__, 0))
            continue
        if status == 200:
            number += 1
            kind = "200 " + headers.get("X-Pestgesprek-Cache", "?")
        elif status == 503:
            kind = "503 busy (Retry-After)" if "Retry-After" in headers else "503 too slow"
        else:
            kind = str(status)
        outcomes.append((kind, seconds))


def run(sessions, name, env):
    from .environment import WORK_DIR

    with gunicorn(env=env, workers=WORKER_COUNT, log=WORK_DIR / "gunicorn-hammer.log") as server:
        quiet = []
        _pages_every(PAGE_EVERY, QUIET_SECONDS, quiet)
        stop, outcomes, page_latencies = threading.Event(), [], []
        cpu_before, load_before, started = server.cpu_seconds(), os.getloadavg()[0], time.monotonic()
        clients = [threading.Thread(target=_hammer, args=(session, stop, outcomes)) for session in sessions]
        for client in clients:
            client.start()
        _pages_every(PAGE_EVERY, SECONDS, page_latencies)
        stop.set()
        for client in clients:
            client.join()  # the requests under way are answered: the run lasts longer than SECONDS
        cpu, elapsed = server.cpu_seconds() - cpu_before, time.monotonic() - started
    counts = collections.Counter(kind for kind, _seconds in outcomes)
    rendered = [seconds for kind, seconds in outcomes if kind.startswith("200")]
    return {
        "name": name,
        "concurrent_renders": int(env["PDF_CONCURRENT_RENDERS"]),
        "slot_wait": float(env["PDF_SLOT_WAIT_SECONDS"]),
        "waiters": int(env["PDF_SLOT_WAITERS"]),
        "quiet": _latency(quiet),
        "pages": _latency(page_latencies),
        "pdf": dict(sorted(counts.items())),
        "pdf_requests": len(outcomes),
        "pdf_200_p50": percentile(rendered, 0.5) if rendered else None,
        "cores_used": cpu / elapsed,
        "elapsed": elapsed,
        "load_before": load_before,
    }


def _latency(values):
    return {
        "count": len(values),
        "p50": percentile(values, 0.5),
        "p95": percentile(values, 0.95),
        "max": max(values),
        "under_goal": sum(1 for value in values if value < GOAL_SECONDS) / len(values),
    }


def measure_hammer():
    from django.conf import settings

    answers = largest_answers()
    sessions = [session_with(answers) for _ in range(CLIENTS)]
    cap, wait = str(settings.PDF_CONCURRENT_RENDERS), str(settings.PDF_SLOT_WAIT_SECONDS)
    waiters, everyone = str(settings.PDF_SLOT_WAITERS), str(CLIENTS)
    runs = [
        run(sessions, "with the render cap (production)", {"PDF_CONCURRENT_RENDERS": cap, "PDF_SLOT_WAIT_SECONDS": wait, "PDF_SLOT_WAITERS": waiters}),
        run(sessions, "without a cap (a slot per worker)", {"PDF_CONCURRENT_RENDERS": str(WORKER_COUNT), "PDF_SLOT_WAIT_SECONDS": wait, "PDF_SLOT_WAITERS": waiters}),
        run(sessions, "with the cap, every request may wait", {"PDF_CONCURRENT_RENDERS": cap, "PDF_SLOT_WAIT_SECONDS": wait, "PDF_SLOT_WAITERS": everyone}),
        run(sessions, "with the cap, no wait for a slot", {"PDF_CONCURRENT_RENDERS": cap, "PDF_SLOT_WAIT_SECONDS": "0", "PDF_SLOT_WAITERS": waiters}),
    ]
    return {"runs": runs, "workers": WORKER_COUNT, "clients": CLIENTS, "seconds": SECONDS}


def _pdf_counts(run):
    return ", ".join(f"{kind}: {count}" for kind, count in run["pdf"].items())


def rows(result, verdict):
    lines = []
    for run in result["runs"]:
        pages = run["pages"]
        lines.append(
            f"| page under PDF hammering, {run['name']} ({run['concurrent_renders']} render slot(s), slot wait "
            f"{run['slot_wait']:g} s for at most {run['waiters']}, {result['workers']} workers, "
            f"{result['clients']} PDF clients): p50 / p95 / max | {pages['p50'] * 1000:.0f} / {pages['p95'] * 1000:.0f} / "
            f"{pages['max'] * 1000:.0f} ms; {pages['under_goal']:.0%} under 1 s | under 1 s | {verdict(pages['max'] < GOAL_SECONDS)} |"
        )
    return lines


def details(result):
    lines = [
        f"Pages while PDFs are hammered: gunicorn with {result['workers']} sync workers, {result['clients']} clients asking "
        f"for the largest valid draft's PDF without pause for {result['seconds']} s (every request a cache miss), and "
        f"`{PAGE}` asked every {PAGE_EVERY * 1000:.0f} ms on its own thread. Page latency is on the clock, from the "
        "client's side (it includes waiting for a free worker).",
        "",
        "| | render slots | slot wait | may wait | page p50 | page p95 | page max | pages under 1 s | quiet server p50 (before) | "
        "PDF answers | PDF 200 p50 | workers' CPU | load average at start |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for run in result["runs"]:
        pages = run["pages"]
        rendered = f"{run['pdf_200_p50']:.1f} s" if run["pdf_200_p50"] is not None else "none"
        lines.append(
            f"| {run['name']} | {run['concurrent_renders']} | {run['slot_wait']:g} s | {run['waiters']} | {pages['p50'] * 1000:.0f} ms | {pages['p95'] * 1000:.0f} ms | "
            f"{pages['max'] * 1000:.0f} ms | {pages['under_goal']:.0%} of {pages['count']} | {run['quiet']['p50'] * 1000:.0f} ms | "
            f"{run['pdf_requests']} ({_pdf_counts(run)}) | {rendered} | {run['cores_used']:.2f} cores over {run['elapsed']:.0f} s | "
            f"{run['load_before']:.2f} |"
        )
    return lines
