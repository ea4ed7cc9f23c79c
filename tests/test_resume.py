"""The bewaarcode: make it, keep only its hash, go on with it elsewhere, stop it, and guess it in vain."""
import re
import threading

import pytest
from django.db import connection
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from wizard import resume
from wizard.models import Draft

from .conftest import FULL_ANSWERS, post_step, step_url, visible_text

pytestmark = pytest.mark.django_db
SHARE, CONTINUE, CHECK = reverse("wizard:share"), reverse("wizard:continue"), reverse("wizard:check")
CODE = re.compile(r'id="bewaarcode"><bdi dir="ltr">([0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4})</bdi>')


def _make_code(client):
    response = client.post(SHARE, {"action": "maak"})
    assert response.status_code == 200 and "no-store" in response["Cache-Control"]
    return CODE.search(response.content.decode()).group(1)


@pytest.fixture
def first():
    client = Client()
    post_step(client, "over-het-gesprek", FULL_ANSWERS["over-het-gesprek"])
    return client


def test_a_code_is_made_only_when_asked_and_explained_first(first):
    page = first.get(SHARE).content.decode()
    assert "iedereen met de code kan uw antwoorden lezen en veranderen" in page.lower()
    assert not CODE.search(page)
    assert Draft.objects.get().resume_code_hash is None
    code = _make_code(first)
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}", code)
    draft = Draft.objects.get()
    assert draft.resume_code_hash == resume.code_hash(code.replace("-", "")) and len(draft.resume_code_hash) == 64


def test_the_code_page_says_until_when_and_the_qr_holds_the_link_with_the_code_in_the_fragment(first, monkeypatch):
    from wizard import schools

    encoded, make = [], schools.qr_code
    monkeypatch.setattr(schools, "qr_code", lambda url: encoded.append(url) or make(url))
    html = first.post(SHARE, {"action": "maak"}).content.decode()
    code = CODE.search(html).group(1)
    expires = timezone.localtime(Draft.objects.get().expires_at)
    assert f"Deze code werkt tot {expires.day} " in html
    assert "<title>QR-code van uw bewaarcode</title>" in html
    assert encoded == [f"http://testserver/verder/#{code}"]


def test_a_second_device_goes_on_and_both_keep_their_saves(first):
    code = _make_code(first)
    second = Client()
    response = second.post(CONTINUE, {"code": code})
    assert response["Location"] == CHECK
    assert "Gelukt. U ziet nu de antwoorden van uw bewaarcode." in second.get(CHECK).content.decode()
    post_step(first, "praat-met-uw-kind", FULL_ANSWERS["praat-met-uw-kind"])
    post_step(second, "wat-wilt-u-vertellen", FULL_ANSWERS["wat-wilt-u-vertellen"])
    answers = Draft.objects.get().answers
    assert answers["child"]["likes"] == "Gym en tekenen" and answers["tell"]["at_home"] == "Thuis is ze vrolijk"
    for client in (first, second):
        html = client.get(CHECK).content.decode()
        assert "Gym en tekenen" in html and "Thuis is ze vrolijk" in html


@pytest.mark.parametrize(
    "typed", ["{code}", "{lower}", "{plain}", " {spaced} ", "{lookalike}"], ids=["as-shown", "lower", "no-hyphens", "spaces", "look-alikes"]
)
def test_a_code_is_read_in_any_case_with_or_without_hyphens_and_look_alikes(first, typed):
    code = _make_code(first)
    plain = code.replace("-", "")
    variants = {
        "code": code,
        "lower": code.lower(),
        "plain": plain,
        "spaced": " ".join(code[i : i + 4] for i in (0, 5, 10)),
        "lookalike": code.replace("0", "O").replace("1", "l"),
    }
    assert Client().post(CONTINUE, {"code": typed.format(**variants)})["Location"] == CHECK


def test_normalise_maps_as_crockford_says():
    assert resume.normalise("oil0-1IL1-abcd") == "0110111" + "1ABCD"
    assert resume.normalise("k7qm-3xpa-9trb") == "K7QM3XPA9TRB"
    assert resume.normalise("K7QM-3XPA-9TRU") is None  # U is not in the alphabet
    assert resume.normalise("K7QM-3XPA-9TR") is None
    assert resume.normalise("x" * 10_000) is None


def test_a_new_code_kills_the_old_one_and_stop_sharing_kills_both(first):
    old = _make_code(first)
    new = _make_code(first)
    assert old != new
    assert Client().post(CONTINUE, {"code": old}).status_code == 200
    assert Client().post(CONTINUE, {"code": new})["Location"] == CHECK
    first.post(SHARE, {"action": "stop"})
    assert Draft.objects.get().resume_code_hash is None
    refused = Client().post(CONTINUE, {"code": new})
    assert "Met deze code vinden we geen antwoorden" in refused.content.decode()


@pytest.mark.parametrize(
    "typed, message",
    [
        ("x" * 10_000, "Dit is geen bewaarcode."),
        ("K7QM-3XPA-\x07TRB", "Dit is geen bewaarcode."),
        ("K7QM-3XPA-9T😀B", "Dit is geen bewaarcode."),
        ("", "Vul uw bewaarcode in."),
        ("AAAA-AAAA-AAAA", "Met deze code vinden we geen antwoorden"),
    ],
)
def test_bad_codes_get_a_dutch_form_error_and_never_a_500(typed, message):
    response = Client().post(CONTINUE, {"code": typed})
    assert response.status_code == 200
    assert message in response.content.decode()


def test_a_post_without_csrf_token_gets_the_dutch_403():
    response = Client(enforce_csrf_checks=True).post(CONTINUE, {"code": "AAAA-AAAA-AAAA"})
    assert response.status_code == 403 and "De pagina was verlopen" in response.content.decode()


def test_ten_wrong_codes_an_hour_then_a_429_even_for_the_right_one(first, settings):
    code = _make_code(first)
    guesser = Client(REMOTE_ADDR="192.0.2.50")
    for _ in range(settings.RESUME_CODE_GUESSES_PER_HOUR):
        assert guesser.post(CONTINUE, {"code": "AAAA-AAAA-AAAA"}).status_code == 200
    blocked = guesser.post(CONTINUE, {"code": code})
    assert blocked.status_code == 429 and 0 < int(blocked["Retry-After"]) <= 3600
    # The right code from elsewhere still works; right codes do not count as guesses.
    assert Client(REMOTE_ADDR="192.0.2.51").post(CONTINUE, {"code": code})["Location"] == CHECK


def test_a_code_of_an_expired_draft_fails_cleanly(first):
    code = _make_code(first)
    Draft.objects.update(expires_at=timezone.now() - timezone.timedelta(minutes=1))
    assert "Met deze code vinden we geen antwoorden" in Client().post(CONTINUE, {"code": code}).content.decode()


def test_wis_mijn_gegevens_on_one_device_is_seen_on_the_other(first):
    code = _make_code(first)
    second = Client()
    second.post(CONTINUE, {"code": code})
    first.post(reverse("wizard:forget"), {"bevestigd": "ja"})
    assert Draft.objects.count() == 0
    html = second.get(step_url("over-het-gesprek")).content.decode()
    assert "Uw vorige antwoorden zijn gewist." in html and "ook op een ander apparaat" in html
    assert "Emma" not in html
    assert "Met deze code vinden we geen antwoorden" in Client().post(CONTINUE, {"code": code}).content.decode()


def test_a_browser_with_its_own_answers_is_asked_before_they_are_replaced(first):
    code = _make_code(first)
    other = Client()
    post_step(other, "praat-met-uw-kind", {"likes": "Eigen antwoord"})
    asked = other.post(CONTINUE, {"code": code})
    assert asked.status_code == 200 and "Zet een vinkje" in asked.content.decode()
    assert Draft.objects.count() == 2
    assert other.post(CONTINUE, {"code": code, "replace": ["ja"]})["Location"] == CHECK
    assert Draft.objects.count() == 1 and "Eigen antwoord" not in other.get(CHECK).content.decode()


def test_the_code_is_nowhere_in_the_database(first):
    code = _make_code(first)
    Client().post(CONTINUE, {"code": code})
    plain = code.replace("-", "")
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names():
            cursor.execute(f'SELECT * FROM "{table}"')  # noqa: S608 (table names from the schema itself)
            dump = repr(cursor.fetchall())
            assert code not in dump and plain not in dump, table


@pytest.mark.django_db(transaction=True)
def test_two_browsers_racing_to_use_one_code_both_get_in():
    if connection.vendor != "postgresql":
        pytest.skip("real concurrent writers need PostgreSQL (SQLite's shared test database locks whole tables); .ci/run runs this")
    owner = Client()
    post_step(owner, "over-het-gesprek", {"child_name": "Emma"})
    code = _make_code(owner)
    start, results = threading.Barrier(2), []

    def use():
        try:
            start.wait(10)
            results.append(Client().post(CONTINUE, {"code": code}).status_code)
        finally:
            connection.close()

    threads = [threading.Thread(target=use) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(30)
    assert results == [302, 302]


def _footer(response):
    html = response.content.decode()
    return visible_text(html[html.index("<footer") :])


def test_while_a_code_works_every_device_says_who_can_reach_the_answers(first):
    alone, shared = "Alleen deze browser kan erbij.", "Alleen deze browser en wie uw bewaarcode heeft, kunnen erbij."
    hint_alone = "Uw antwoorden staan alleen in deze browser"
    hint_shared = "U deelt uw antwoorden met een bewaarcode. Wie de code heeft, kan ze lezen en veranderen."
    check = first.get(CHECK)
    assert alone in _footer(check) and shared not in _footer(check) and hint_alone in check.content.decode()
    code_page = first.post(SHARE, {"action": "maak"})
    assert shared in _footer(code_page) and alone not in _footer(code_page)
    second = Client()
    second.post(CONTINUE, {"code": CODE.search(code_page.content.decode()).group(1)})
    for device in (first, second):
        check = device.get(CHECK)
        assert shared in _footer(check) and alone not in _footer(check)
        assert hint_shared in check.content.decode() and hint_alone not in check.content.decode()
    first.post(SHARE, {"action": "stop"})
    check = first.get(CHECK)
    assert alone in _footer(check) and hint_alone in check.content.decode()
