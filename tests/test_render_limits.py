"""Issue 10's reproductions about the PDF: the largest valid draft prints, renders are capped
per machine and per draft, a failed render is counted, and the limit is CPU time."""
import pytest
from django.urls import reverse
from django.utils import timezone

from wizard import documents, pdf, steps
from wizard.models import Draft

from .conftest import pdf_words, post_step
from .largest import largest_valid_answers

pytestmark = pytest.mark.django_db
PDF = reverse("wizard:pdf")


def test_the_largest_valid_draft_prints_within_the_render_limit(client, support_contacts, settings):
    # The render cap in force is the production one; this test does not time, it checks that
    # a draft at every limit at once still gives a PDF.
    assert settings.PDF_RENDER_SECONDS == 10
    draft = Draft.objects.create(answers=largest_valid_answers(), expires_at=timezone.now() + timezone.timedelta(days=1))
    body, _filename = documents.render_plan_pdf(draft)
    text = pdf_words(body)
    assert "Als het niet goed loopt" in text and "woorden" in text


def test_going_over_the_text_budget_is_a_dutch_form_message_not_a_503(client):
    answers = largest_valid_answers()
    for step in steps.steps_in(steps.PREPARE):
        assert post_step(client, step.slug, answers[step.key]).status_code == 302, step.key
    child = {**answers["child"], "likes": answers["child"]["likes"] + "x" * 1200}
    response = post_step(client, "praat-met-uw-kind", child)
    assert response.status_code == 200
    assert "Al uw teksten samen zijn te lang voor één overzicht" in response.content.decode()
    assert "Al uw teksten samen zijn te lang" in client.get(reverse("wizard:check")).content.decode()
    # Nothing typed is lost, and the PDF is not tried.
    assert Draft.objects.get().answers["child"]["likes"].endswith("x" * 1200)
    assert client.get(PDF)["Location"] == reverse("wizard:check")


def test_at_most_one_render_at_a_time_per_machine(filled_client, settings, tmp_path):
    import fcntl

    settings.PDF_RENDER_SLOTS_DIR, settings.PDF_CONCURRENT_RENDERS = str(tmp_path), 1
    settings.PDF_SLOT_WAIT_SECONDS = 0.1
    with open(tmp_path / "slot-0.lock", "a") as slot:
        fcntl.flock(slot, fcntl.LOCK_EX)  # another worker is rendering
        busy = filled_client.get(PDF, {"download": "1"})
    assert busy.status_code == 503 and busy["Retry-After"] == "5"
    assert "Er worden nu veel overzichten gemaakt." in busy.content.decode()
    assert f'<a class="button" href="{PDF}?download=1">Probeer het opnieuw</a>' in busy.content.decode()
    assert filled_client.get(PDF).status_code == 200


def test_when_one_request_already_waits_for_a_slot_the_next_gets_the_503_at_once(filled_client, settings, tmp_path, monkeypatch):
    import fcntl

    from wizard import documents

    settings.PDF_RENDER_SLOTS_DIR, settings.PDF_CONCURRENT_RENDERS, settings.PDF_SLOT_WAITERS = str(tmp_path), 1, 1
    settings.PDF_SLOT_WAIT_SECONDS = 1
    monkeypatch.setattr(documents.time, "sleep", _must_not_wait)
    with open(tmp_path / "slot-0.lock", "a") as slot, open(tmp_path / "wait-0.lock", "a") as waiting:
        fcntl.flock(slot, fcntl.LOCK_EX)  # another worker renders
        fcntl.flock(waiting, fcntl.LOCK_EX)  # and one more waits for its turn
        busy = filled_client.get(PDF)
    assert busy.status_code == 503 and busy["Retry-After"] == "5"


def _must_not_wait(seconds):
    raise AssertionError("a request waited: a worker that waits is one the pages cannot use")


def test_a_double_click_waits_for_its_own_render_only_with_a_free_wait_place(filled_client, settings, tmp_path, monkeypatch):
    import fcntl

    from django.core.cache import caches

    from wizard import documents

    settings.PDF_RENDER_SLOTS_DIR, settings.PDF_SLOT_WAITERS = str(tmp_path), 1
    caches["documents"].add(f"pdf-render:{Draft.objects.get().pk}", 1)  # the first click renders
    monkeypatch.setattr(documents.time, "sleep", _must_not_wait)
    with open(tmp_path / "wait-0.lock", "a") as waiting:
        fcntl.flock(waiting, fcntl.LOCK_EX)  # another request on this machine already waits
        assert filled_client.get(PDF).status_code == 503
    # With the wait place free, the second click waits for the first click's render.
    naps = []

    def first_click_done(seconds):
        naps.append(seconds)
        caches["documents"].delete(f"pdf-render:{Draft.objects.get().pk}")

    monkeypatch.setattr(documents.time, "sleep", first_click_done)
    response = filled_client.get(PDF)
    assert naps == [0.1] and response.status_code == 200  # nothing cached by the first click: it renders itself


def test_a_request_that_waits_gets_the_slot_when_the_render_before_it_ends(filled_client, settings, tmp_path, monkeypatch):
    import fcntl

    from wizard import documents

    settings.PDF_RENDER_SLOTS_DIR, settings.PDF_CONCURRENT_RENDERS, settings.PDF_SLOT_WAITERS = str(tmp_path), 1, 1
    settings.PDF_SLOT_WAIT_SECONDS = 60
    slot = open(tmp_path / "slot-0.lock", "a")
    fcntl.flock(slot, fcntl.LOCK_EX)  # another worker renders

    def the_other_render_ends(seconds):
        slot.close()

    monkeypatch.setattr(documents.time, "sleep", the_other_render_ends)
    response = filled_client.get(PDF)
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert slot.closed


def test_one_draft_gets_one_render_and_one_waiter_at_a_time(filled_client):
    from django.core.cache import caches

    draft = Draft.objects.get()
    caches["documents"].add(f"pdf-render:{draft.pk}", 1)
    caches["documents"].add(f"pdf-wait:{draft.pk}", 1)
    assert filled_client.get(PDF).status_code == 503


def test_a_failed_render_is_counted_and_not_tried_again(filled_client, settings, monkeypatch):
    settings.PDF_RATE_LIMIT = {"session": 2, "ip": 100}
    renders = []

    def too_slow(seconds, function, *args):
        renders.append(1)
        raise pdf.PlanTooSlow

    monkeypatch.setattr(pdf, "within_time_limit", too_slow)
    assert [filled_client.get(PDF).status_code for _ in range(3)] == [503, 503, 429]
    assert len(renders) == 1


def test_the_time_limit_counts_cpu_time_not_the_clock(filled_client, settings, monkeypatch):
    import time

    settings.PDF_RENDER_SECONDS = 0.2

    def waits_for_a_core(html):
        time.sleep(0.5)  # as on a busy machine: the clock runs, the CPU time does not
        return b"%PDF-1.7 stub"

    monkeypatch.setattr(pdf, "html_to_pdf", waits_for_a_core)
    response = filled_client.get(PDF)
    assert response.status_code == 200 and response.content == b"%PDF-1.7 stub"
