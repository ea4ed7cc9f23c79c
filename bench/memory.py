"""A gunicorn worker's memory before and after the largest valid draft, and the post_request hook that replaces it.

First run: one worker with the production limit (GUNICORN_MAX_WORKER_RSS_MB, 250 MB). Its
resident memory (RSS) is read after a page, after a usual PDF, after the largest valid
draft in Dutch, and after that draft in every language. Second run: the same worker with
a limit between "after a usual PDF" and "after the largest draft": a page and a usual PDF
leave it alone, the largest draft makes gunicorn.conf.py's post_request hook retire it,
and the master starts a new one (another pid).
"""
import time

from .clients import get, largest_answers, session_with, typical_answers
from .server import gunicorn

MB = 1024 * 1024


def _worker(server, old_pid=None, wait=15):
    """The one worker's process; with ``old_pid``, wait until a worker with another pid is up."""
    give_up = time.monotonic() + wait
    while True:
        workers = server.workers()
        if workers and (old_pid is None or workers[0].pid != old_pid):
            return workers[0]
        if time.monotonic() > give_up:
            return workers[0] if workers else None
        time.sleep(0.1)


def _mb(process):
    """Resident memory in MB, or None when the process has just gone."""
    import psutil

    try:
        return process.memory_info().rss / MB
    except psutil.NoSuchProcess:
        return None


def _ok(status):
    assert status == 200, status


def measure_memory():
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation

    typical, largest = session_with(typical_answers()), session_with(largest_answers())
    urls = {}
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            urls[language] = reverse("wizard:pdf")
    readings = {}
    with gunicorn(workers=1) as server:
        worker = _worker(server)
        readings["started"] = _mb(worker)
        _ok(get("/privacy/")[0])
        readings["after a page"] = _mb(worker)
        _ok(get(urls["nl"], typical)[0])
        readings["after a usual PDF"] = _mb(worker)
        _ok(get(urls["nl"], largest)[0])
        readings["after the largest draft (nl)"] = _mb(worker)
        for language in urls:
            if language != "nl":
                _ok(get(urls[language], largest)[0])
        readings["after the largest draft in all six languages"] = _mb(worker)
        assert _worker(server).pid == worker.pid, "the worker was replaced under the production limit"
    before, after = readings["after a usual PDF"], readings["after the largest draft (nl)"]
    # Between the two: a usual request stays under it, the largest draft goes over it.
    limit = int((before + after) / 2) if after - before >= 4 else int(before) + 1
    replaced = _replacement(limit, typical, largest, urls["nl"])
    return {"readings": readings, "limit": limit, "production_limit": settings_limit(), **replaced}


def settings_limit():
    import importlib.util

    from .environment import ROOT

    spec = importlib.util.spec_from_file_location("gunicorn_conf", ROOT / "gunicorn.conf.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.MAX_WORKER_RSS_MB


def _replacement(limit, typical, largest, url):
    """Which requests left the worker in place under a low limit, and whether the largest draft replaced it."""
    steps = []
    with gunicorn(env={"GUNICORN_MAX_WORKER_RSS_MB": str(limit)}, workers=1) as server:
        worker = _worker(server)
        for name, session in (("a page", None), ("a usual PDF", typical), ("the largest draft", largest)):
            status = get("/privacy/" if session is None else url, session)[0]
            rss = _mb(worker)
            now = _worker(server, old_pid=worker.pid, wait=15 if session is largest else 1)
            steps.append({"request": name, "status": status, "rss": rss, "pid_before": worker.pid, "pid_after": now.pid})
            worker = now
        # The new worker serves the next request.
        steps.append({"request": "a page, next", "status": get("/privacy/")[0], "rss": _mb(worker), "pid_before": worker.pid, "pid_after": _worker(server).pid})
    return {"steps": steps, "replaced": steps[2]["pid_before"] != steps[2]["pid_after"] and steps[2]["status"] == 200}


def rows(result, verdict):
    readings = result["readings"]
    growth = round(readings["after the largest draft (nl)"]) - round(readings["after a usual PDF"])
    return [
        f"| gunicorn worker RSS before / after the largest valid draft (nl) | {readings['after a usual PDF']:.0f} MB / "
        f"{readings['after the largest draft (nl)']:.0f} MB (+{growth:.0f} MB); "
        f"{readings['after the largest draft in all six languages']:.0f} MB after it in all six languages | under "
        f"{result['production_limit']} MB (GUNICORN_MAX_WORKER_RSS_MB) | "
        f"{verdict(readings['after the largest draft in all six languages'] < result['production_limit'])} |",
        f"| post_request hook replaces a worker that grew past the limit (limit set to {result['limit']} MB) | "
        f"{'replaced' if result['replaced'] else 'not replaced'} after the largest draft | replaced | {verdict(result['replaced'])} |",
    ]


def details(result):
    lines = [
        "Memory of one gunicorn worker (RSS, MB), production limit "
        f"{result['production_limit']} MB:",
        "",
        "| after | RSS |",
        "|---|---|",
    ]
    lines += [f"| {name} | {mb:.0f} MB |" for name, mb in result["readings"].items()]
    lines += [
        "",
        f"The same worker with GUNICORN_MAX_WORKER_RSS_MB={result['limit']} (between a usual PDF and the largest draft):",
        "",
        "| request | status | worker RSS after it | worker pid before | pid serving next |",
        "|---|---|---|---|---|",
    ]
    for step in result["steps"]:
        rss = f"{step['rss']:.0f} MB" if step["rss"] is not None else "(worker gone)"
        lines.append(f"| {step['request']} | {step['status']} | {rss} | {step['pid_before']} | {step['pid_after']} |")
    return lines
