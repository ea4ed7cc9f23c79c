"""Bytes per draft in PostgreSQL, and SQL statements per request there.

Run under scripts/with_postgres.sh (a throwaway PostgreSQL 15 on a unix socket), by
`make bench-postgres` or by `make bench`:

    scripts/with_postgres.sh .venv/bin/python -m bench.postgres_size [result.json]

It migrates the empty database and measures three kinds of draft one after the other: the
usual preparation (FULL_ANSWERS), the same with the after phase filled in (fill_after), and
the largest valid draft (tests/largest.py). For each kind the tables are emptied and a few
drafts are made with Django's test client, as parents make them (every save one UPDATE of
the draft, the session renamed). Then SQL copies those rows (new ids and keys, the same
answers and session data) until the kind has ROWS drafts, so that the fixed pages every
table and index has when nearly empty do not count, and VACUUM ANALYZE. The sizes are read
then, and once more after every draft is saved one more time (one step's UPDATE, as a
parent's next save), which leaves the free space that updates leave in a live table.
"""
import json
import os
import sys

MADE = {"usual": 100, "after": 100, "largest": 10}
ROWS = 10_000
TABLES = ("wizard_draft", "django_session")
COPY_DRAFTS = """
INSERT INTO wizard_draft (id, school_id, answers, last_step, browser_key, letters, resume_code_hash,
                          resume_code_made_at, created_at, updated_at, expires_at)
SELECT gen_random_uuid(), school_id, answers, last_step, md5(random()::text) || md5(random()::text), letters, NULL,
       NULL, created_at, updated_at, expires_at
FROM wizard_draft, generate_series(1, %s)
"""
COPY_SESSIONS = """
INSERT INTO django_session (session_key, session_data, expire_date)
SELECT substr(md5(random()::text) || md5(random()::text), 1, 32), session_data, expire_date
FROM django_session, generate_series(1, %s)
"""
# One more save of every draft: the SQL of wizard/drafts.py SetKey for one step.
SAVE_AGAIN = "UPDATE wizard_draft SET answers = jsonb_set(answers, '{about}', answers->'about', true), updated_at = now()"


def _sizes(cursor):
    cursor.execute("VACUUM ANALYZE wizard_draft")
    cursor.execute("VACUUM ANALYZE django_session")
    sizes = {}
    for table in TABLES:
        cursor.execute(f"SELECT pg_total_relation_size(%s), pg_indexes_size(%s), count(*) FROM {table}", [table, table])  # nosec B608: fixed names
        total, indexes, rows = cursor.fetchone()
        sizes[table] = {"per_row": total / max(rows, 1), "indexes_per_row": indexes / max(rows, 1), "rows": rows}
    cursor.execute(
        "SELECT avg(pg_column_size(answers)), avg(octet_length(answers::text)), avg(pg_column_size(d.*)) FROM wizard_draft d"
    )
    column, text, row = cursor.fetchone()
    sizes["answers"] = {"stored": float(column or 0), "as_text": float(text or 0), "row": float(row or 0)}
    return sizes


def _make(kind, count):
    from django.test import Client

    from bench.documents import after_client, largest_client
    from tests.conftest import fill_wizard

    make = {"usual": lambda: fill_wizard(Client()), "after": after_client, "largest": largest_client}[kind]
    for _ in range(count):
        make()


def measure_kind(kind, made):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE wizard_draft, django_session")
        _make(kind, made)
        copies = ROWS // made - 1
        cursor.execute(COPY_DRAFTS, [copies])
        cursor.execute(COPY_SESSIONS, [copies])
        fresh = _sizes(cursor)
        cursor.execute(SAVE_AGAIN)
        saved = _sizes(cursor)
    result = {"made": made, "rows": fresh["wizard_draft"]["rows"], "answers": fresh["answers"], "fresh": fresh, "saved_again": saved}
    for name, sizes in (("fresh", fresh), ("saved_again", saved)):
        result[f"million_bytes_{name}"] = 1_000_000 * (sizes["wizard_draft"]["per_row"] + sizes["django_session"]["per_row"])
    return result


def statements_per_request():
    """SQL statements per request kind on PostgreSQL, as Django runs them."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.urls import reverse

    from tests.conftest import FULL_ANSWERS, post_step, step_url

    client, counts = Client(), {}

    def count(kind, call):
        with CaptureQueriesContext(connection) as captured:
            response = call()
        assert response.status_code in (200, 302), (kind, response.status_code)
        counts.setdefault(kind, []).append(len(captured))

    for number, (slug, answers) in enumerate(FULL_ANSWERS.items()):
        kind = "first step" if number == 0 else "later steps"
        count(f"{kind} GET", lambda: client.get(step_url(slug)))
        count(f"{kind} POST (save)", lambda: post_step(client, slug, answers))
    count("check page", lambda: client.get(reverse("wizard:check")))
    count("PDF, rendered", lambda: client.get(reverse("wizard:pdf")))
    count("PDF, from the cache", lambda: client.get(reverse("wizard:pdf")))
    count("privacy page", lambda: client.get(reverse("wizard:privacy")))
    count("wipe POST", lambda: client.post(reverse("wizard:forget"), {"bevestigd": "ja"}))
    return {kind: {"requests": len(values), "mean": sum(values) / len(values), "max": max(values)} for kind, values in counts.items()}


def measure():
    from bench.environment import setup_django

    setup_django(database_url=os.environ["DATABASE_URL"])
    from django.db import connection

    assert connection.vendor == "postgresql", connection.vendor
    with connection.cursor() as cursor:
        cursor.execute("SHOW server_version")
        version = cursor.fetchone()[0]
    result = {"version": version, "statements": statements_per_request(), "kinds": {}}
    for kind, made in MADE.items():
        print(f"  {made} {kind} drafts, copied to {ROWS} …", file=sys.stderr, flush=True)
        result["kinds"][kind] = measure_kind(kind, made)
    return result


def details(result):
    lines = [
        f"Bytes per draft in PostgreSQL {result['version'].split()[0]}: for each kind, drafts made through the test client, "
        f"copied by SQL to {ROWS:,} rows, VACUUM ANALYZE; \"saved once more\" is after one more UPDATE of every draft "
        "(a parent's next save) and VACUUM:",
        "",
        "| draft | made / rows | answers as stored (pg_column_size) | answers as JSON text | wizard_draft per row (of which "
        "indexes) | same, saved once more | django_session per row | one million drafts with their sessions | same, saved once more |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for kind, row in result["kinds"].items():
        fresh, saved = row["fresh"], row["saved_again"]
        lines.append(
            f"| {kind} | {row['made']} / {row['rows']:,} | {row['answers']['stored']:.0f} B | {row['answers']['as_text']:.0f} B | "
            f"{fresh['wizard_draft']['per_row']:.0f} B ({fresh['wizard_draft']['indexes_per_row']:.0f} B) | "
            f"{saved['wizard_draft']['per_row']:.0f} B | {fresh['django_session']['per_row']:.0f} B | "
            f"{row['million_bytes_fresh'] / 1e9:.2f} GB | {row['million_bytes_saved_again'] / 1e9:.2f} GB |"
        )
    largest = result["kinds"]["largest"]["answers"]
    lines += [
        "",
        f"The largest valid draft's text repeats one word, so PostgreSQL's compression shrinks it "
        f"{largest['as_text'] / largest['stored']:.0f}-fold; text that parents type compresses far less, so a real draft "
        f"of that length takes nearer its JSON size ({largest['as_text'] / 1024:.0f} KB) than the figures above. Drafts "
        "that large are rare; the usual and after-phase rows are the ones to plan with.",
    ]
    lines += ["", "SQL statements per request on PostgreSQL (Django's count):", "", "| request | requests | mean | most |", "|---|---|---|---|"]
    for kind, row in result["statements"].items():
        lines.append(f"| {kind} | {row['requests']} | {row['mean']:.1f} | {row['max']} |")
    return lines


def measure_postgres():
    """Run this module under scripts/with_postgres.sh (from `make bench`) and return its result."""
    import subprocess
    import tempfile

    from bench.environment import ROOT

    with tempfile.NamedTemporaryFile(suffix=".json") as output:
        finished = subprocess.run(
            [str(ROOT / "scripts" / "with_postgres.sh"), sys.executable, "-m", "bench.postgres_size", output.name],
            cwd=ROOT, capture_output=True, text=True, check=False,
        )
        if finished.returncode:
            reason = (finished.stderr.strip().splitlines() or ["no output"])[-1]
            raise RuntimeError(f"scripts/with_postgres.sh failed ({finished.returncode}): {reason}")
        with open(output.name) as handle:
            return json.load(handle)


def rows(result, verdict):
    usual, after = result["kinds"]["usual"], result["kinds"]["after"]
    post = result["statements"]["later steps POST (save)"]["max"]
    get = result["statements"]["later steps GET"]["max"]
    return [
        f"| bytes per usual draft in PostgreSQL: answers as stored; row with indexes; session | {usual['answers']['stored']:.0f} B; "
        f"{usual['fresh']['wizard_draft']['per_row']:.0f} B; {usual['fresh']['django_session']['per_row']:.0f} B | | |",
        f"| one million drafts with their sessions (usual / after phase; just made, and after one more save of each) | "
        f"{usual['million_bytes_fresh'] / 1e9:.1f} / {after['million_bytes_fresh'] / 1e9:.1f} GB; "
        f"{usual['million_bytes_saved_again'] / 1e9:.1f} / {after['million_bytes_saved_again'] / 1e9:.1f} GB | | |",
        f"| SQL statements per step GET / POST on PostgreSQL (most seen) | {get} / {post} | at most 4 | {verdict(max(get, post) <= 4)} |",
    ]


def main():
    result = measure()
    if len(sys.argv) > 1:
        with open(sys.argv[1], "w") as handle:
            json.dump(result, handle, indent=1)
    print("\n".join(details(result)))


if __name__ == "__main__":
    main()
