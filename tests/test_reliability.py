"""No lost answers: two tabs of one draft, and a database that fails while saving."""
import threading
import time

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.db import DatabaseError, connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from wizard import drafts
from wizard.models import Draft

from .conftest import FULL_ANSWERS, post_step, step_url

pytestmark = pytest.mark.django_db
CHILD = FULL_ANSWERS["praat-met-uw-kind"]
TELL = FULL_ANSWERS["wat-wilt-u-vertellen"]


def _request(rf):
    request = rf.post("/")
    request.session = SessionStore()
    return request


def test_two_tabs_that_save_different_steps_both_keep_their_answers(client, rf):
    post_step(client, "over-het-gesprek", {"child_name": "Emma"})
    # Both tabs loaded the draft before either saved: each holds a stale copy.
    first_tab, second_tab = Draft.objects.get(), Draft.objects.get()
    drafts.save_step(_request(rf), first_tab, "child", CHILD)
    drafts.save_step(_request(rf), second_tab, "tell", TELL)
    answers = Draft.objects.get().answers
    assert answers["about"]["child_name"] == "Emma"
    assert answers["child"] == CHILD
    assert answers["tell"] == TELL


def _wait_for_a_blocked_query(deadline_seconds=30):
    """Until another connection waits for a row lock (PostgreSQL tells us), or give up."""
    give_up = time.monotonic() + deadline_seconds
    while time.monotonic() < give_up:
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'")
            if cursor.fetchone()[0]:
                return True
        time.sleep(0.05)
    return False


@pytest.mark.django_db(transaction=True)
def test_a_save_waits_for_the_other_tab_and_then_builds_on_its_answers(rf):
    """Real concurrency, on PostgreSQL: the second save reads the row only after the first commits."""
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL; .ci/run runs this")
    draft = Draft.objects.create(answers={"about": {"child_name": "Emma"}}, expires_at=timezone.now() + drafts.retention())
    stale = Draft.objects.get(pk=draft.pk)
    first_has_lock, let_first_commit = threading.Event(), threading.Event()
    errors = []

    def first_tab():
        try:
            with transaction.atomic():
                row = Draft.objects.select_for_update().get(pk=draft.pk)
                first_has_lock.set()
                let_first_commit.wait(30)
                row.answers["child"] = CHILD
                row.save()
        except Exception as error:  # reported by the main thread
            errors.append(error)
        finally:
            connection.close()

    def second_tab():
        try:
            drafts.save_step(_request(rf), stale, "tell", TELL)
        except Exception as error:
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=first_tab), threading.Thread(target=second_tab)]
    threads[0].start()
    assert first_has_lock.wait(30)
    threads[1].start()
    blocked = _wait_for_a_blocked_query()
    let_first_commit.set()
    for thread in threads:
        thread.join(30)
    assert blocked, "the second save did not wait for the first"
    assert errors == []
    answers = Draft.objects.get(pk=draft.pk).answers
    assert answers["child"] == CHILD
    assert answers["tell"] == TELL


def _database_down(*args, **kwargs):
    raise DatabaseError("could not connect to server")


def test_a_database_error_shows_a_dutch_page_and_keeps_what_was_typed_in_the_form(client, monkeypatch):
    post_step(client, "praat-met-uw-kind", {"likes": "Gym"})
    monkeypatch.setattr(Draft, "save", _database_down)
    monkeypatch.setattr(QuerySet, "update", _database_down)
    response = post_step(client, "praat-met-uw-kind", {"likes": "Tekenen en gym", "dislikes": "Rekenen"})
    assert response.status_code == 503
    html = response.content.decode()
    assert "Uw antwoorden zijn nog niet bewaard" in html
    assert "Wat u typte, staat nog hieronder." in html
    assert ">\nTekenen en gym</textarea>" in html and ">\nRekenen</textarea>" in html
    # Nothing half-written: the draft is as it was.
    assert Draft.objects.get().answers["child"]["likes"] == "Gym"
    monkeypatch.undo()
    # Back up again, the same button press saves it.
    assert post_step(client, "praat-met-uw-kind", {"likes": "Tekenen en gym"}).status_code == 302
    assert Draft.objects.get().answers["child"]["likes"] == "Tekenen en gym"


def test_a_new_draft_that_cannot_be_written_leaves_nothing_behind(client, monkeypatch):
    monkeypatch.setattr(Draft, "save", _database_down)
    response = post_step(client, "over-het-gesprek", {"child_name": "Emma"})
    assert response.status_code == 503
    assert 'value="Emma"' in response.content.decode()
    assert Draft.objects.count() == 0
    assert drafts.SESSION_KEY not in client.session
    monkeypatch.undo()
    assert "Emma" not in client.get(step_url("over-het-gesprek")).content.decode()
