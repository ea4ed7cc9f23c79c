"""docs/capacity.md: a national peak evening for Pestgesprek, computed from this run's measurements.

The assumptions are constants here, said plainly in the document; every measured figure
comes from the run that writes it (`make bench`).
"""
import datetime
import math

# Pupils in Dutch primary and secondary schools: roughly 1.45 million and 0.95 million. The
# brief that asked for this model suggested 1.6 million; we take the larger figure, and every
# result scales linearly with it.
PUPILS = 2_400_000
SCENARIOS = {
    # share: of pupils whose parent uses Pestgesprek in the weeks of report evenings;
    # evening: of those, the share preparing on the peak evening; minute: the peak minute's
    # share of that evening's requests (an evening of 19:00-23:00 has 240 minutes: 0.4 % each);
    # pages: page requests per family (a GET and a POST per step, the start and check pages,
    # going back); renders and hits: PDFs rendered, and PDFs served again from the cache.
    "expected": {"share": 0.05, "evening": 0.15, "minute": 0.015, "pages": 24, "renders": 1.5, "hits": 1.5},
    "busy": {"share": 0.15, "evening": 0.25, "minute": 0.03, "pages": 30, "renders": 2.0, "hits": 2.0},
}
# Which language parents print in: most Dutch.
LANGUAGE_MIX = {"nl": 0.85, "ar": 0.04, "tr": 0.04, "en": 0.03, "pl": 0.02, "uk": 0.02}
HEADROOM = 0.6  # plan cores to be at most 60 % busy in the peak minute
SERVER_CORES = 2  # app servers like this machine: cores + 1 gunicorn workers, cores − 1 render slots
PG_MAX_CONNECTIONS = 100  # PostgreSQL's default max_connections
PDF_CACHE_SECONDS = 600  # wizard/documents.py CACHE_SECONDS


def inputs(pdf, steps_only, more):
    """The measured figures the model uses, each with where it came from."""
    redis_load, languages = more.get("redis_load"), more.get("languages")
    if isinstance(redis_load, dict):
        page_ms, page_source = redis_load["summary"]["with"]["cpu_ms"], "gunicorn CPU per request, load without PDFs, with Redis"
    else:
        page_ms, page_source = steps_only["cpu_ms_per_request"], "gunicorn CPU per request, load without PDFs"
    if isinstance(languages, dict):
        per_language = {language: row["view"] * 1000 for language, row in languages["languages"].items()}
        pdf_ms = sum(share * per_language[language] for language, share in LANGUAGE_MIX.items())
    else:
        per_language, pdf_ms = {"nl": pdf["view"] * 1000}, pdf["view"] * 1000
    postgres, redis_ops = more.get("postgres"), more.get("redis_ops")
    if isinstance(postgres, dict):
        statements = postgres["statements"]
        walk = [statements["first step GET"], statements["first step POST (save)"], statements["check page"]]
        walk += [statements["later steps GET"], statements["later steps POST (save)"]]
        page_statements = sum(row["mean"] * row["requests"] for row in walk) / sum(row["requests"] for row in walk)
        pdf_statements = statements["PDF, rendered"]["mean"]
        draft_bytes = (postgres["kinds"]["usual"]["million_bytes_fresh"] / 1e6, postgres["kinds"]["usual"]["million_bytes_saved_again"] / 1e6)
    else:
        page_statements, pdf_statements, draft_bytes = 3.0, 2.0, None
    if isinstance(redis_ops, dict):
        kinds = redis_ops["kinds"]
        redis = {
            "render": kinds["PDF, rendered"]["per_request"],
            "hit": kinds["PDF, from the cache"]["per_request"],
            "new_draft": kinds["first step POST (save)"]["per_request"],
            "server_us": redis_ops["cost"]["server_us"],
            "client_us": redis_ops["cost"]["cpu_us"],
        }
    else:
        redis = None
    hit_ms = pdf["cached"] * 1000
    if redis:
        # The PDF timings ran in one process with its own cache; with Redis each command costs the app CPU too.
        pdf_ms += redis["render"] * redis["client_us"] / 1000
        hit_ms += redis["hit"] * redis["client_us"] / 1000
    return {
        "page_ms": page_ms, "page_source": page_source, "pdf_ms": pdf_ms, "per_language": per_language,
        "hit_ms": hit_ms, "pdf_bytes": pdf["bytes"], "page_statements": page_statements,
        "pdf_statements": pdf_statements, "draft_bytes": draft_bytes, "redis": redis,
        # A walk's page requests are about half saves (7 of 15); a save writes the draft's row and the session's.
        "save_share": 0.5, "writes_per_save": 2,
    }


def model(scenario, m):
    families_season = PUPILS * scenario["share"]
    families = families_season * scenario["evening"]
    per_second = families * scenario["minute"] / 60  # families' worth of requests per second in the peak minute
    pages, renders, hits = per_second * scenario["pages"], per_second * scenario["renders"], per_second * scenario["hits"]
    cpu = (pages * m["page_ms"] + renders * m["pdf_ms"] + hits * m["hit_ms"]) / 1000
    servers = max(2, math.ceil(cpu / HEADROOM / SERVER_CORES))
    result = {
        "families_season": families_season, "families": families, "pages": pages, "renders": renders, "hits": hits,
        "cpu": cpu, "cores": cpu / HEADROOM, "servers": servers,
        "render_slots_busy": renders * m["pdf_ms"] / 1000, "render_slots": servers * (SERVER_CORES - 1),
        "connections": servers * (SERVER_CORES + 1),
        "statements": pages * m["page_statements"] + (renders + hits) * m["pdf_statements"],
        "writes": pages * m["save_share"] * m["writes_per_save"],
        "pdf_cache_bytes": renders / scenario["renders"] * PDF_CACHE_SECONDS * m["pdf_bytes"],
    }
    if m["redis"]:
        redis = m["redis"]
        result["redis_ops"] = renders * redis["render"] + hits * redis["hit"] + per_second * redis["new_draft"]
        result["redis_core"] = result["redis_ops"] * redis["server_us"] / 1e6
    if m["draft_bytes"]:
        result["season_gb"] = tuple(families_season * size / 1e9 for size in m["draft_bytes"])
    return result


def _n(value, digits=0):
    return f"{value:,.{digits}f}".replace(",", " ")


def capacity_report(pdf, steps, load, steps_only, more, machine):
    m = inputs(pdf, steps_only, more)
    runs = {name: model(scenario, m) for name, scenario in SCENARIOS.items()}
    names = list(SCENARIOS)
    redis = m["redis"]

    def row(label, key, digits=0, unit=""):
        return f"| {label} | " + " | ".join(_n(runs[name][key], digits) + unit for name in names) + " |"

    mix = ", ".join(f"{language} {share:.0%}" for language, share in LANGUAGE_MIX.items())
    languages = ", ".join(f"{language} {ms:.0f} ms" for language, ms in m["per_language"].items())
    lines = [
        "# Capacity: a national peak evening",
        "",
        f"Written by `make bench` on {datetime.date.today().isoformat()} from that run's measurements "
        f"(docs/benchmarks.md; {machine}, a shared machine whose numbers drift). The assumptions are ours and are "
        "guesses: change them in `bench/capacity.py` and run `make bench` again. Every result scales linearly with "
        "the number of families.",
        "",
        "## Assumptions",
        "",
        f"- **Pupils**: about {_n(PUPILS)} in Dutch primary and secondary schools (roughly 1.45 million and 0.95 million, "
        "rounded from memory of DUO's counts: check them before quoting; 1.6 million was suggested to us, which would "
        "make every figure below a third smaller). One preparation per pupil whose parent uses the tool.",
        "- **Two scenarios** (expected, busy): the share of pupils whose parent uses Pestgesprek in the weeks of report "
        "evenings; the share of those who prepare on the peak evening (the Sunday or Monday before most schools' "
        "10-minutengesprekken); the peak minute's share of that evening's requests (19:00–23:00 has 240 minutes, "
        "0.4 % each; the peak minute is 3.5 to 7 times that).",
        "- **Per family**: page requests (a GET and a POST per step, start and check pages, going back), PDFs rendered "
        "(a second one after a change), PDFs served again from the cache (viewing, then downloading, then printing).",
        f"- **Languages** of the PDFs: {mix}.",
        f"- **Headroom**: cores planned to be at most {HEADROOM:.0%} busy in the peak minute; app servers of "
        f"{SERVER_CORES} cores, each with {SERVER_CORES + 1} gunicorn workers (one PostgreSQL connection each) and "
        f"{SERVER_CORES - 1} render slot(s); at least two servers, so that one can fail.",
        "",
        "| assumption | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
    ]
    for key, label, fmt in (("share", "families using it in the season (of pupils)", "{:.0%}"), ("evening", "of those, on the peak evening", "{:.0%}"),
                            ("minute", "peak minute, share of the evening", "{:.1%}"), ("pages", "page requests per family", "{:.0f}"),
                            ("renders", "PDFs rendered per family", "{:.1f}"), ("hits", "PDFs from the cache per family", "{:.1f}")):
        lines.append(f"| {label} | " + " | ".join(fmt.format(SCENARIOS[name][key]) for name in names) + " |")
    lines += [
        "",
        "## Measured figures used",
        "",
        f"- CPU per page request: **{m['page_ms']:.1f} ms** ({m['page_source']}; it includes Django's whole request "
        "cycle, the session and the draft queries). CPU time too grows when the machine is busy with other work "
        "(shared caches and hyperthreads): on quieter days it measured lower (docs/benchmarks.md, *What made it "
        "faster*, item 6), so this errs on the safe side.",
        f"- CPU per PDF rendered, the view with the cache emptied, per language: {languages}; **{m['pdf_ms']:.0f} ms** "
        f"for the mix above, Redis's commands included. A PDF from the cache: {m['hit_ms']:.1f} ms. A usual Dutch PDF is "
        f"{m['pdf_bytes'] / 1024:.0f} KB.",
        f"- SQL statements: **{m['page_statements']:.1f}** per page request on average over a walk, **{m['pdf_statements']:.0f}** per "
        "PDF (PostgreSQL, Django's count); a save writes two rows (the draft's UPDATE and the session's).",
    ]
    if redis:
        lines.append(
            f"- Redis commands: **{redis['render']:.0f}** per PDF rendered (rate limits per session and per IP: SET NX, "
            f"EXISTS, INCRBY each; the render lock: SET NX, DEL; the PDF cache: GET, GET, SET), **{redis['hit']:.0f}** per PDF "
            f"from the cache, **{redis['new_draft']:.0f}** for the save that starts a draft, none for other pages. redis-server "
            f"spends {redis['server_us']:.1f} µs per command; the app {redis['client_us']:.0f} µs of CPU (added to the PDFs' CPU above)."
        )
    else:
        lines.append("- Redis commands: not measured in this run (see docs/benchmarks.md).")
    lines += [
        "",
        "## The peak minute",
        "",
        "| | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
        row("families in the season", "families_season"),
        row("families on the peak evening", "families"),
        row("page requests per second", "pages"),
        row("PDFs rendered per second", "renders", 1),
        row("PDFs from the cache per second", "hits", 1),
        row("CPU busy (cores)", "cpu", 1),
        row(f"cores to plan ({HEADROOM:.0%} busy)", "cores", 1),
        row(f"app servers of {SERVER_CORES} cores", "servers"),
        "| render slots busy on average / slots there | "
        + " | ".join(f"{runs[name]['render_slots_busy']:.1f} / {runs[name]['render_slots']}" for name in names) + " |",
        row("PostgreSQL connections (one per worker)", "connections"),
        row("PostgreSQL statements per second", "statements"),
        row("of which writes (UPDATE) per second", "writes"),
    ]
    if redis:
        lines += [row("Redis commands per second", "redis_ops"), row("redis-server, share of one core", "redis_core", 3)]
    lines.append(f"| PDF cache in Redis (drafts rendered in the last {PDF_CACHE_SECONDS // 60} minutes × a usual PDF) | "
                 + " | ".join(f"{runs[name]['pdf_cache_bytes'] / 1e6:.0f} MB" for name in names) + " |")
    if m["draft_bytes"]:
        lines.append("| drafts of the season in PostgreSQL (usual draft and session; just made – after one more save) | "
                     + " | ".join(f"{runs[name]['season_gb'][0]:.1f}–{runs[name]['season_gb'][1]:.1f} GB" for name in names) + " |")
    busy = runs["busy"]
    lines += [""] + _reading(runs, m, busy) + [""] + _spreading(busy, m, more)
    return "\n".join(lines) + "\n"


def _reading(runs, m, busy):
    expected = runs["expected"]
    pdf_share = busy["renders"] * m["pdf_ms"] / 1000 / busy["cpu"]
    return [
        "## Reading it",
        "",
        f"- **Cores are the first limit, and they scale out.** The expected evening needs about {expected['cpu']:.1f} busy "
        f"cores in its peak minute ({expected['servers']} servers of {SERVER_CORES} cores), the busy one {busy['cpu']:.0f} "
        f"({busy['servers']} servers). PDFs are {pdf_share:.0%} of that CPU in the busy case: few requests, but each costs "
        f"{m['pdf_ms'] / m['page_ms']:.0f} page requests. Render slots: on average "
        f"{busy['render_slots_busy']:.1f} renders at once against {busy['render_slots']} slots, so bursts find slots "
        "free, but a server whose slot is taken answers 503 even when another has one free.",
        f"- **PostgreSQL** sees {busy['statements']:,.0f} statements a second at the busy peak, {busy['writes']:,.0f} of them "
        "single-row UPDATEs by primary key: PostgreSQL's cheapest kind of work, but what the database server will take "
        "is not measured here (run pgbench with a script of these statements on the server meant for it). It is the "
        "shared part that does not scale out by adding app servers. Each save writes a new version of the draft row and, because `expires_at` is "
        "indexed and changes with every save, new entries in every index of wizard_draft (no HOT update): write "
        "volume and autovacuum matter before raw statement count does.",
        f"- **Connections**: {busy['connections']} at the busy peak, under PostgreSQL's default of {PG_MAX_CONNECTIONS}. "
        f"Past about {PG_MAX_CONNECTIONS // (SERVER_CORES + 1)} app servers of this size they are not: put PgBouncer "
        "(transaction pooling) in front before that.",
        f"- **Redis** does little: {_redis_summary(m, busy)} What grows is memory: the PDF cache keeps each draft's last PDFs for ten minutes (see the table). Give "
        "Redis a `maxmemory` with an LRU policy, and keep the rate-limit counters where they cannot be evicted by PDFs "
        "(a second Redis database or instance for the `documents` cache), or a full cache turns into open limits "
        "(pestgesprek/cache.py fails open).",
        _storage(m),
    ]


def _redis_summary(m, busy):
    redis = m["redis"]
    if not redis:
        return "(not measured in this run)."
    return (
        f"no command for most pages, {redis['render']:.0f} for a PDF rendered. At the busy peak that is "
        f"{busy['redis_ops']:,.0f} commands a second, {busy['redis_core']:.1%} of one core of redis-server."
    )


def _storage(m):
    if not m["draft_bytes"]:
        return "- **Storage**: not measured in this run."
    fresh, saved = m["draft_bytes"]
    return (
        f"- **Storage** is small: a usual draft with its session takes {fresh / 1024:.1f} KB in PostgreSQL just after it "
        f"is made, {saved / 1024:.1f} KB once every row has been rewritten by one more save (the dead versions' space is "
        "reused, not returned), and drafts go after 30 days."
    )


def _spreading(busy, m, more):
    hammer = more.get("hammer")
    finding = ""
    if isinstance(hammer, dict):
        capped = hammer["runs"][0]["pages"]
        finding = (
            f" In this run, with {hammer['clients']} clients hammering the largest draft's PDF on {hammer['workers']} "
            f"workers, a page took {capped['p50'] * 1000:.0f} ms at the median with the render cap: pages wait in the "
            "same queue as PDF requests, which hold a worker while they wait for a slot."
        )
    return [
        "## Spreading PDF rendering",
        "",
        "More app servers are enough as long as:",
        "",
        "- the PDF cache and the rate limits are shared (REDIS_URL), so a parent's second download is a cache hit "
        "wherever it lands and a limit counts across servers;",
        "- the load balancer spreads requests by least connections and, for a 503 with Retry-After from a full "
        "server, the parent's retry may land on another;",
        f"- PostgreSQL keeps up with the writes and the connections (PgBouncer past about {PG_MAX_CONNECTIONS // (SERVER_CORES + 1)} "
        "servers);",
        "- pages do not queue behind PDFs." + finding + " Route `*.pdf` to workers (or servers) of their own at the proxy, "
        "so a flood of PDF requests can only fill the PDF queue.",
        "",
        "They stop being enough when the shared parts are: PostgreSQL's write rate (each save rewrites a row and its "
        "indexes), its connections, or Redis's memory for PDFs. Then, in this order: PgBouncer; take `expires_at` "
        "out of the saves' path (update it at most once a day) and give wizard_draft a lower fillfactor, so saves "
        "become HOT updates that leave the indexes alone; keep PDFs in a Redis of their own (or "
        "not at all above a size, PDF_CACHE_MAX_BYTES); and render PDFs on a separate pool fed by a queue, the page "
        "asking back until the PDF is ready, so a render never holds a web worker. Sessions in PostgreSQL are one "
        "read per page; moving them to Redis would halve the statements but lose sessions when Redis restarts.",
    ]
