"""After the gesprek: the steps, the afsprakenblad, the agenda file, the retention rule, what next, and letters."""
import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from wizard import drafts, nextstep, steps
from wizard.answers import Answers
from wizard.forms.after import question_key
from wizard.models import Draft

from .conftest import (
    FULL_ANSWERS,
    agreement_rows,
    fill_wizard,
    incident_rows,
    pdf_words,
    post_step,
    step_url,
)

pytestmark = pytest.mark.django_db
GESPREK = datetime.date(2026, 11, 20)
INJECTION = 'Juf; Sanne, "<b>vet</b>"\nnieuwe regel'


def _field(client, slug, prefix="q"):
    return [name for name in client.get(step_url(slug)).context["form"].fields if name.startswith(prefix) and not name.endswith("_note")]


@pytest.fixture
def after(client, demo_school):
    """A bullying draft through a school link, the gesprek on 20 November 2026, and the after phase filled in."""
    client.get(reverse("wizard:school", args=[demo_school.slug]))
    fill_wizard(client)
    about = {**FULL_ANSWERS["over-het-gesprek"], "topic": "pesten", "date": GESPREK.isoformat(), "partner_name": "juf Sanne"}
    post_step(client, "over-het-gesprek", about)
    post_step(
        client,
        "wat-is-er-gebeurd",
        {**incident_rows({"date": "2026-11-02", "what": "Geschopt op het plein", "physical": "ja"}), "signs": ["blijft-thuis"]},
    )
    questions = _field(client, "hoe-ging-het")
    assert post_step(client, "hoe-ging-het", {"present": "juf Sanne en ik", questions[0]: "deels", f"{questions[0]}_note": "Ze let beter op", "enough_time": "nee"}).status_code == 302
    rows = agreement_rows(
        {"who": "juf Sanne", "what": "let op in de pauze", "when": "2026-12-10"},
        {"who": "ik", "what": INJECTION, "when": "2026-12-01"},
    )
    assert post_step(client, "wat-is-afgesproken", {**rows, "goal": "Emma speelt elke pauze mee"}).status_code == 302
    follow_up = {"date": "2026-12-15", "time": "16:00", "way": "afspraak", "with_whom": "juf Sanne", "email": "sanne@school.example", "to_discuss": "De pauzes"}
    assert post_step(client, "hoe-gaat-het-verder", follow_up).status_code == 302
    return client


def test_each_after_step_saves_reloads_and_back_keeps_what_was_typed(client):
    post_step(client, "over-het-gesprek", {"date": GESPREK.isoformat()})
    for slug, data in [
        ("hoe-ging-het", {"present": "ik en de mentor", "enough_time": "ja"}),
        ("wat-is-afgesproken", {**agreement_rows({"who": "mentor", "what": "belt mij", "when": "2026-12-01"}), "goal": "Doel"}),
        ("hoe-gaat-het-verder", {"with_whom": "de mentor", "to_discuss": "Het rooster"}),
        ("zijn-de-afspraken-nagekomen", {"since": "Het gaat iets beter"}),
    ]:
        assert post_step(client, slug, data, action="vorige").status_code == 302, slug
        html = client.get(step_url(slug)).content.decode()
        for value in data.values():
            if isinstance(value, str) and len(value) > 3 and value not in ("ja", "nee"):
                assert value in html, (slug, value)


def test_the_after_overview_offers_the_outputs_and_comes_first_from_the_day_of_the_gesprek(after):
    html = after.get(reverse("wizard:after")).content.decode()
    for url in [reverse("wizard:agreements_pdf"), reverse("wizard:agreements_text"), reverse("wizard:calendar")]:
        assert url in html
    start = after.get("/").content.decode()
    assert start.index("Naar Na het gesprek") < start.index("Verder waar ik was")
    check = after.get(reverse("wizard:check")).content.decode()
    assert check.index("Na het gesprek") < check.index("Over het gesprek")


def test_before_the_gesprek_the_after_phase_is_offered_below(client):
    post_step(client, "over-het-gesprek", {"date": (timezone.localdate() + datetime.timedelta(days=3)).isoformat()})
    start = client.get("/").content.decode()
    assert start.index("Verder waar ik was") < start.index("Naar Na het gesprek")


def test_the_afsprakenblad_holds_agreements_goal_follow_up_what_is_open_and_the_school(after):
    text = pdf_words(after.get(reverse("wizard:agreements_pdf")).content)
    for expected in [
        "Afspraken uit het gesprek over Emma",
        "School: Voorbeeldschool (demo)",
        "Erbij waren: juf Sanne en ik",
        "juf Sanne let op in de pauze 10 december 2026",
        "Ons kleine doel Emma speelt elke pauze mee",
        "dinsdag 15 december 2026 om 16:00",
        "Wat nog open staat",
        "(Ze let beter op)",
        "De pauzes",
        "Ik vraag om een vervolgafspraak.",
        "als bevestiging van ons gesprek",
        '"<b>vet</b>"',
    ]:
        assert expected in text, expected
    # The preparation sheet started from the school link names the school too.
    assert "School: Voorbeeldschool (demo)" in pdf_words(after.get(reverse("wizard:pdf")).content)


def test_the_plain_text_is_literal_and_the_mail_link_goes_to_the_address_given(after):
    response = after.get(reverse("wizard:agreements_text"))
    text = response.context["text"]
    assert INJECTION in text and "Ons kleine doel: Emma speelt elke pauze mee" in text
    html = response.content.decode()
    assert "&lt;b&gt;vet&lt;/b&gt;" in html and "<b>vet</b>" not in html
    assert 'href="mailto:sanne%40school.example?subject=' in html


def _calendar(client):
    response = client.get(reverse("wizard:calendar"))
    assert response["Content-Type"].startswith("text/calendar")
    return Calendar.from_ical(response.content)


def test_the_agenda_file_round_trips_with_every_event_its_alarm_and_a_stable_uid(after):
    calendar = _calendar(after)
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Amsterdam"]
    events = {str(event["UID"]).split("-")[-1]: event for event in calendar.walk("VEVENT")}
    draft = Draft.objects.get()
    assert all(str(event["UID"]).startswith(str(draft.pk)) for event in events.values())
    assert set(events) == {"gesprek@pestgesprek", "vervolg@pestgesprek", "0@pestgesprek", "1@pestgesprek"}
    follow_up = events["vervolg@pestgesprek"]
    start = follow_up.decoded("DTSTART")
    assert start == datetime.datetime(2026, 12, 15, 16, 0, tzinfo=start.tzinfo) and str(start.tzinfo) == "Europe/Amsterdam"
    assert events["gesprek@pestgesprek"].decoded("DTSTART").hour == 15
    assert events["0@pestgesprek"].decoded("DTSTART") == datetime.date(2026, 12, 10)
    for event in events.values():
        alarms = event.walk("VALARM")
        assert len(alarms) == 1 and alarms[0].decoded("TRIGGER") == datetime.timedelta(days=-1)
    # Commas, semicolons and new lines come back exactly as typed.
    assert INJECTION in str(events["1@pestgesprek"]["SUMMARY"])
    # The same draft gives the same UIDs: importing again updates instead of doubling.
    assert {str(e["UID"]) for e in _calendar(after).walk("VEVENT")} == {str(e["UID"]) for e in calendar.walk("VEVENT")}


def test_the_childs_name_goes_into_the_agenda_only_when_ticked(after):
    follow_up = {"date": "2026-12-15", "time": "16:00", "way": "afspraak"}
    post_step(after, "hoe-gaat-het-verder", follow_up)
    assert "Emma" not in _calendar(after).to_ical().decode()
    post_step(after, "hoe-gaat-het-verder", {**follow_up, "name_in_calendar": ["ja"]})
    assert "Emma" in str(next(e for e in _calendar(after).walk("VEVENT") if "vervolg" in str(e["UID"]))["SUMMARY"])


def test_a_follow_up_without_a_date_makes_no_event_and_no_error(after):
    assert post_step(after, "hoe-gaat-het-verder", {"way": "email", "with_whom": "juf Sanne"}).status_code == 302
    assert not [e for e in _calendar(after).walk("VEVENT") if "vervolg" in str(e["UID"])]


@pytest.mark.parametrize("when, message", [("2031-12-01", "meer dan een jaar na het gesprek"), ("2026-11-01", "vóór het gesprek")])
def test_an_agreement_date_years_away_or_before_the_gesprek_gets_a_dutch_message(after, when, message):
    response = post_step(after, "wat-is-afgesproken", agreement_rows({"who": "juf", "what": "belt", "when": when}))
    assert response.status_code == 200 and message in response.content.decode()
    # What was typed is kept.
    assert Draft.objects.get().answers["agreed"]["afspraak-0-when"] == when


def test_twenty_agreements_at_their_longest_print_within_the_limit(after, settings):
    assert settings.PDF_RENDER_SECONDS == 10
    rows = [{"who": "w" * 200, "what": "woord " * 66, "when": "2026-12-01"} for _ in range(20)]
    assert post_step(after, "wat-is-afgesproken", {**agreement_rows(*rows), "goal": "g" * 400}).status_code == 302
    response = after.get(reverse("wizard:agreements_pdf"))
    assert response.status_code == 200 and response.content.startswith(b"%PDF")


# The retention rule: usually 30 days after the last change; with a follow-up date at
# least 14 days after it, at most 120 days after the last change.
@pytest.mark.parametrize(
    "follow_up_in_days, kept_days",
    [(None, 30), (5, 30), (40, 55), (200, 120)],
    ids=["no-follow-up", "soon", "later", "far-away"],
)
def test_a_follow_up_date_keeps_the_answers_long_enough_but_not_for_ever(client, follow_up_in_days, kept_days):
    today = timezone.localdate()
    post_step(client, "over-het-gesprek", {"date": today.isoformat()})
    data = {"date": (today + datetime.timedelta(days=follow_up_in_days)).isoformat()} if follow_up_in_days else {"way": "email"}
    post_step(client, "hoe-gaat-het-verder", data)
    kept = Draft.objects.get().expires_at - timezone.now()
    assert kept_days - 1 <= kept.days <= kept_days, kept
    session_days = round(client.session.get_expiry_age() / 86400)
    assert session_days >= kept.days + 6
    html = client.get("/").content.decode()
    assert f"We bewaren ze tot {Draft.objects.get().expires_at.astimezone(timezone.get_current_timezone()).day} " in html


def test_purge_follows_the_same_rule(client):
    post_step(client, "over-het-gesprek", {"date": timezone.localdate().isoformat()})
    post_step(client, "hoe-gaat-het-verder", {"date": (timezone.localdate() + datetime.timedelta(days=40)).isoformat()})
    assert drafts.purge_expired_drafts(timezone.now() + datetime.timedelta(days=35)) == 0
    assert drafts.purge_expired_drafts(timezone.now() + datetime.timedelta(days=56)) == 1


def _kept(client, first="ja", second="ja", **extra):
    keys = _field(client, "zijn-de-afspraken-nagekomen")
    return post_step(client, "zijn-de-afspraken-nagekomen", {keys[0]: first, keys[1]: second, **extra})


def _advice(client):
    return nextstep.advise(Answers(Draft.objects.get()))


def test_rule_nothing_asked_yet_gives_no_advice(after):
    assert _advice(after).status == nextstep.NOT_ASKED


def test_rule_agreements_kept_and_bullying_stopped_is_going_well(after):
    _kept(after, still_bullied="nee")
    advice = _advice(after)
    assert advice.status == nextstep.GOING_WELL and advice.steps == []


def test_rule_an_agreement_not_kept_brings_the_next_person_inside_school(after):
    _kept(after, first="nee", still_bullied="nee")
    advice = _advice(after)
    assert advice.status == nextstep.NEEDS_MORE
    # The parent talked with the teacher: the next rung in the seed's order is the aanspreekpunt.
    assert [step.item.key for step in advice.steps] == ["aanspreekpunt"]
    assert "Niet alle afspraken zijn nagekomen." in advice.steps[0].reason
    assert advice.steps[0].item.person == "Juf Fictief (verzonnen)"
    assert advice.steps[0].letter.key == "gesprek"


def test_rule_people_already_asked_are_skipped_and_the_too_little_steps_follow(after):
    _kept(after, first="deels", still_bullied="nee", tried=["aanspreekpunt", "mentor"])
    keys = [step.item.key for step in _advice(after).steps]
    assert keys == ["vertrouwenspersoon", "pestcoordinator"]
    letters = [step.letter.key if step.letter else None for step in _advice(after).steps]
    assert letters == ["vertrouwenspersoon", "gesprek"]


def test_rule_after_a_complaint_the_next_too_little_step_is_the_inspectie(after):
    everyone = ["aanspreekpunt", "mentor", "vertrouwenspersoon", "zorgcoordinator", "pestcoordinator", "mr", "klachtenregeling"]
    _kept(after, first="nee", still_bullied="nee", tried=everyone)
    assert [step.item.key for step in _advice(after).steps] == ["onderwijsinspectie"]


def test_rule_bullying_that_goes_on_brings_the_outside_help_the_facts_call_for(after):
    _kept(after, still_bullied="ja")
    advice = _advice(after)
    keys = [step.item.key for step in advice.steps]
    assert keys == ["aanspreekpunt", "politie", "leerplichtambtenaar"]
    assert "Het pesten gaat door." in advice.steps[0].reason
    assert "geslagen, geschopt of geduwd" in advice.steps[1].reason


def test_the_next_step_page_says_why_and_offers_the_letter(after):
    _kept(after, first="nee", still_bullied="ja")
    html = after.get(reverse("wizard:next_step")).content.decode()
    assert "Waarom dit nu:" in html and "Juf Fictief (verzonnen)" in html
    assert reverse("wizard:letter", args=["gesprek"]) in html
    assert after.get(reverse("wizard:after")).content.decode().count(reverse("wizard:next_step")) == 1


def test_a_letter_names_the_school_and_person_and_lists_what_happened_agreed_and_not_kept(after):
    _kept(after, first="nee", still_bullied="ja", since="Weer geduwd bij de fietsen")
    text = after.get(reverse("wizard:letter", args=["vertrouwenspersoon"])).context["form"].initial["text"]
    for expected in [
        "De vertrouwenspersoon, Meester Verzonnen (verzonnen)",
        "Voorbeeldschool (demo)",
        "Op 20 november 2026 had ik een gesprek met juf Sanne over mijn kind Emma (groep 6).",
        "juf Sanne – let op in de pauze – 10 december 2026",
        "Deze afspraken zijn niet of maar voor een deel nagekomen",
        "Het pesten gaat nog steeds door.",
        "Weer geduwd bij de fietsen",
        "Geschopt op het plein",
        INJECTION,
    ]:
        assert expected in text, expected
    complaint = after.get(reverse("wizard:letter", args=["klacht"])).context["form"].initial["text"]
    assert "Aan: het bestuur van Voorbeeldschool (demo)" in complaint and "klachtenregeling" in complaint


def test_the_parent_edits_the_letter_and_the_pdf_prints_exactly_that(after):
    url = reverse("wizard:letter", args=["gesprek"])
    edited = "Beste juf Sanne,\n\nKunnen we volgende week praten? <script>x</script>\n\nGroet, Ahmed"
    response = after.post(url, {"text": edited, "action": "pdf"})
    assert response["Location"] == reverse("wizard:letter_pdf", args=["gesprek"]) + "?download=1"
    assert Draft.objects.get().letters["gesprek"].replace("\r\n", "\n") == edited
    text = pdf_words(after.get(response["Location"]).content)
    assert "Kunnen we volgende week praten? <script>x</script>" in text and "Groet, Ahmed" in text
    # Back on the page, the edited text is there, not a fresh draft.
    assert "Kunnen we volgende week praten?" in after.get(url).content.decode()


def test_a_letter_that_is_too_long_is_kept_and_explained(after):
    response = after.post(reverse("wizard:letter", args=["gesprek"]), {"text": "x" * 10_001})
    assert response.status_code == 200 and "Uw tekst is te lang" in response.content.decode()
    assert len(Draft.objects.get().letters["gesprek"]) == 10_001


def test_an_unknown_letter_is_a_404_and_no_draft_sends_the_parent_to_the_entry_page():
    assert Client().get(reverse("wizard:letter", args=["bestaat-niet"])).status_code == 404
    for name in ["wizard:agreements_pdf", "wizard:agreements_text", "wizard:calendar", "wizard:next_step"]:
        assert Client().get(reverse(name))["Location"] == reverse("wizard:after")


def test_the_kept_step_asks_about_each_agreement_by_its_text(after):
    form = after.get(step_url("zijn-de-afspraken-nagekomen")).context["form"]
    labels = [str(field.label) for name, field in form.fields.items() if name.startswith("q")]
    assert labels[0] == "juf Sanne – let op in de pauze – 10 december 2026"
    assert question_key("let op in de pauze") in form.fields
    assert "still_bullied" in form.fields
    assert steps.KEPT.applies_to(Answers(Draft.objects.get()))
