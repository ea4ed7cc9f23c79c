"""The bullying track: extra steps, the incident log, and what the check page and PDF show."""
import datetime

import pytest
from django.urls import reverse

from wizard.answers import Answers
from wizard.models import Draft

from .conftest import incident_rows, pdf_text, pdf_words, post_step, step_url

pytestmark = pytest.mark.django_db

BULLYING_STEPS = {"wat-is-er-gebeurd", "wat-wilt-u-dat-de-school-doet"}


def _slugs(draft):
    return {step.slug for step in Answers(draft).applicable}


def _choose(client, topic):
    return post_step(client, "over-het-gesprek", {"topic": topic})


def test_choosing_pesten_adds_the_bullying_steps_and_teacher_questions(client):
    _choose(client, "rapport")
    assert not BULLYING_STEPS & _slugs(Draft.objects.get())
    assert "Herkent u dat mijn kind gepest wordt?" not in client.get(step_url("wat-wilt-u-vragen")).content.decode()
    response = _choose(client, "pesten")
    assert response["Location"] == step_url("ga-naar-het-gesprek")
    assert BULLYING_STEPS <= _slugs(Draft.objects.get())
    html = client.get(step_url("wat-wilt-u-vragen")).content.decode()
    assert "Herkent u dat mijn kind gepest wordt?" in html
    assert "Kan een anti-pestprogramma de klas veiliger maken?" in html


def test_switching_back_hides_the_bullying_answers_without_deleting_them(client):
    _choose(client, "pesten")
    post_step(client, "wat-is-er-gebeurd", {**incident_rows({"what": "Uitgescholden bij de fietsen"}), "signs": ["slaapt-slecht"]})
    post_step(client, "wat-wilt-u-vragen", {"teacher_questions": ["herkent-pesten"], "examples": ["wat-kan-beter"]})
    _choose(client, "rapport")
    # Saving the questions step on the routine track must not drop the hidden teacher question.
    post_step(client, "wat-wilt-u-vragen", {"examples": ["wat-kan-beter"]})
    draft = Draft.objects.get()
    assert not BULLYING_STEPS & _slugs(draft)
    check = client.get(reverse("wizard:check")).content.decode()
    assert "Uitgescholden bij de fietsen" not in check
    assert "Herkent u dat" not in check
    assert draft.answers["questions"]["teacher_questions"] == ["herkent-pesten"]

    _choose(client, "pesten")
    check = client.get(reverse("wizard:check")).content.decode()
    assert "Uitgescholden bij de fietsen" in check
    assert "Herkent u dat mijn kind gepest wordt?" in check
    assert "Slaapt slecht" in check


def test_a_bullying_step_that_does_not_apply_sends_the_parent_on(client):
    _choose(client, "rapport")
    response = client.get(step_url("wat-is-er-gebeurd"))
    assert response.status_code == 302
    assert response["Location"] == step_url("wat-wilt-u-vragen")


def test_adding_an_incident_row_works_without_javascript_and_keeps_the_first(client):
    _choose(client, "pesten")
    response = post_step(
        client, "wat-is-er-gebeurd", incident_rows({"what": "Tas in de sloot", "where": "Schoolplein"}), action="voorval-toevoegen"
    )
    assert response.status_code == 302
    # The parent lands on the new, empty row, and is told it is there.
    assert response["Location"] == step_url("wat-is-er-gebeurd") + "#voorval-2"
    page = client.get(step_url("wat-is-er-gebeurd"))
    form = page.context["form"]
    assert len(form.rows.forms) == 2
    assert form.rows.forms[0]["what"].value() == "Tas in de sloot"
    html = page.content.decode()
    assert "Gebeurtenis 2" in html and 'id="voorval-2"' in html
    assert "Gebeurtenis 2 is toegevoegd." in html


def test_removing_a_filled_incident_asks_first_then_renumbers_the_rest(client):
    _choose(client, "pesten")
    rows = incident_rows({"what": "Eerste"}, {"what": "Tweede"}, {"what": "Derde"})
    asked = post_step(client, "wat-is-er-gebeurd", rows, action="voorval-wissen-1")
    assert asked["Location"] == step_url("wat-is-er-gebeurd") + "?wissen=1#wissen-2"
    page = client.get(asked["Location"])
    assert [row["what"].value() for row in page.context["form"].rows.forms] == ["Eerste", "Tweede", "Derde"]
    html = page.content.decode()
    assert "Weet u het zeker? Alles wat u bij gebeurtenis 2 schreef, wordt gewist." in html
    assert 'value="voorval-wissen-zeker-1"' in html
    # "Nee, bewaren" keeps it.
    post_step(client, "wat-is-er-gebeurd", rows, action="voorval-bewaren")
    assert len(client.get(step_url("wat-is-er-gebeurd")).context["form"].rows.forms) == 3
    done = post_step(client, "wat-is-er-gebeurd", rows, action="voorval-wissen-zeker-1")
    assert "Gebeurtenis 2 is gewist." in client.get(done["Location"]).content.decode()
    form = client.get(step_url("wat-is-er-gebeurd")).context["form"]
    assert [row["what"].value() for row in form.rows.forms] == ["Eerste", "Derde"]


def test_an_empty_incident_row_is_removed_without_asking(client):
    _choose(client, "pesten")
    post_step(client, "wat-is-er-gebeurd", incident_rows({"what": "Eerste"}, {}), action="voorval-wissen-1")
    form = client.get(step_url("wat-is-er-gebeurd")).context["form"]
    assert [row["what"].value() for row in form.rows.forms] == ["Eerste"]


def test_enter_in_a_field_means_volgende_not_a_row_button(client):
    _choose(client, "pesten")
    html = client.get(step_url("wat-is-er-gebeurd")).content.decode()
    form_html = html.split('id="formulier"')[1]
    first_button = form_html[form_html.index("<button") : form_html.index("</button>")]
    assert 'value="volgende"' in first_button


@pytest.mark.parametrize(
    "date, message",
    [
        ((datetime.date.today() + datetime.timedelta(days=3)).isoformat(), "Deze datum ligt in de toekomst."),
        ("31-02-2026", "Vul een echte datum in"),
    ],
)
def test_a_wrong_incident_date_gets_a_message_and_keeps_the_rest_of_the_row(client, date, message):
    _choose(client, "pesten")
    response = post_step(
        client, "wat-is-er-gebeurd", incident_rows({"date": date, "what": "Duwen bij de gym", "who": "Twee jongens"})
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert message in html
    assert "Gebeurtenis 1, Wanneer gebeurde het:" in html
    assert 'href="#id_voorval-0-date"' in html
    assert "Duwen bij de gym" in html and 'value="Twee jongens"' in html


def test_at_most_thirty_incident_rows(client):
    _choose(client, "pesten")
    response = post_step(client, "wat-is-er-gebeurd", incident_rows(*[{"what": f"Voorval {n}"} for n in range(31)]))
    assert response.status_code == 200
    assert "U kunt hoogstens 30 gebeurtenissen opschrijven." in response.content.decode()
    thirty = incident_rows(*[{"what": f"Voorval {n}"} for n in range(30)])
    post_step(client, "wat-is-er-gebeurd", thirty, action="voorval-toevoegen")
    html = client.get(step_url("wat-is-er-gebeurd")).content.decode()
    assert "Nog een gebeurtenis toevoegen" not in html
    assert len(client.get(step_url("wat-is-er-gebeurd")).context["form"].rows.forms) == 30


def _bullying_draft(client):
    post_step(client, "over-het-gesprek", {"topic": "pesten", "partner_role": "leerkracht", "partner_name": "meester Bram", "date": "2026-12-03"})
    post_step(
        client,
        "wat-is-er-gebeurd",
        {
            **incident_rows(
                {"date": "2026-11-02", "what": "Uitgescholden in de klas", "where": "Klas", "who": "Drie kinderen", "child_did": "Huilde", "physical": "nee", "adult_told": "nee"},
                {"date": "2026-11-09", "what": "Geduwd van de trap", "where": "Trap", "physical": "ja", "adult_told": "ja"},
            ),
            "signs": ["slaapt-slecht", "wil-niet-naar-school"],
            "already_who": "De leerkracht",
            "already_result": "Ze zou opletten",
        },
    )
    post_step(client, "wat-wilt-u-vragen", {"teacher_questions": ["herkent-pesten", "wat-kunt-u-doen"]})
    post_step(client, "wat-wilt-u-dat-de-school-doet", {"wishes": ["plan"], "hear_back": "binnen een week"})


def test_check_page_shows_the_incident_log_as_cards_and_the_signs_as_a_list(client, support_contacts):
    _bullying_draft(client)
    html = client.get(reverse("wizard:check")).content.decode()
    assert '<ol class="incident-cards">' in html and "<table" not in html
    assert "<dt>Wat gebeurde er</dt><dd>Geduwd van de trap</dd>" in html
    assert "<dt>Datum</dt><dd>maandag 2 november 2026</dd>" in html
    assert "<li>Slaapt slecht</li>" in html
    assert reverse("wizard:roadmap") in html


def test_pdf_shows_incidents_signs_wishes_and_the_fitted_roadmap(client, support_contacts):
    _bullying_draft(client)
    text = pdf_words(client.get(reverse("wizard:pdf")).content)
    for expected in [
        "Wat er is gebeurd",
        "Geduwd van de trap",
        "Uitgescholden in de klas",
        "Slaapt slecht",
        "Wil niet naar school",
        "Ze zou opletten",
        "Dat de school een plan maakt, met afspraken",
        "binnen een week",
        "Herkent u dat mijn kind gepest wordt?",
        "Als het niet goed loopt",
        "Past bij wat u vertelde",
        "De politie",
        "De leerkracht: meester Bram",
        "De Kindertelefoon",
    ]:
        assert expected in text, expected
    assert text.index("Past bij wat u vertelde") < text.index("De politie") < text.index("Hulp binnen de school")


def test_markup_in_the_incident_log_stays_literal_on_the_check_page_and_in_the_pdf(client, support_contacts):
    text = '<img src="file:///etc/passwd">'
    _choose(client, "pesten")
    post_step(client, "wat-is-er-gebeurd", incident_rows({"what": text, "where": "<b>plein</b>"}))
    html = client.get(reverse("wizard:check")).content.decode()
    assert text not in html and "&lt;img src=&quot;file:///etc/passwd&quot;&gt;" in html
    # Narrow table columns wrap lines, so compare without white space.
    pdf = "".join(pdf_text(client.get(reverse("wizard:pdf")).content).split())
    assert "".join(text.split()) in pdf and "<b>plein</b>" in pdf


@pytest.mark.parametrize("action", ["voorval-wissen-" + "9" * 5000, "voorval-wissen-٣", "voorval-wissen--1", "iets-anders"])
def test_odd_row_buttons_change_nothing_and_never_fail(client, action):
    _choose(client, "pesten")
    response = post_step(client, "wat-is-er-gebeurd", incident_rows({"what": "Eerste"}, {"what": "Tweede"}), action=action)
    assert response.status_code == 302
    form = client.get(step_url("wat-is-er-gebeurd")).context["form"]
    assert [row["what"].value() for row in form.rows.forms] == ["Eerste", "Tweede"]
