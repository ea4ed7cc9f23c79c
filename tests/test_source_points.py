"""Points from the source that a parent must find, in B1 words (issue 9, "Points from the source" and "B1 wording")."""
import re

import pytest
from django.urls import reverse

from wizard.content import EXAMPLE_QUESTIONS

from .conftest import fill_wizard, pdf_words, post_step, step_url, visible_text

pytestmark = pytest.mark.django_db


def _text(response):
    return visible_text(response.content.decode())


def test_roadmap_opened_from_the_school_page_before_any_save_names_the_schools_people(client, demo_school):
    client.get("/s/voorbeeldschool/")
    roadmap = _text(client.get(reverse("wizard:roadmap")))
    assert "Juf Fictief (verzonnen)" in roadmap
    assert "Meester Verzonnen (verzonnen)" in roadmap


def test_every_example_question_reads_well_on_its_own():
    # The sheet may put any of them in the top three and the rest apart: none may lean on
    # the one before it ("Wat kan ik als ouder daarbij doen?").
    for key, question in EXAMPLE_QUESTIONS:
        question = str(question)
        assert question.endswith("?"), key
        assert not re.search(r"\b(daarbij|daarin|daarvoor|dat|dit)\b", question, re.I), (key, question)


def test_a_chosen_example_question_is_on_the_sheet_as_it_reads_on_screen(client):
    question = dict(EXAMPLE_QUESTIONS)["rol-ouder"]
    post_step(client, "over-het-gesprek", {"topic": "rapport"})
    post_step(client, "wat-wilt-u-vragen", {"examples": ["rol-ouder"]})
    assert str(question) in pdf_words(client.get(reverse("wizard:pdf")).content)


def test_the_start_page_says_no_question_is_required_and_how_long_each_track_takes(client):
    start = _text(client.get(reverse("wizard:start")))
    assert "Geen vraag is verplicht" in start
    assert "Alle vragen zijn niet verplicht" not in start
    assert "ongeveer 10 minuten, of 20 minuten als het over pesten gaat" in start


def test_a_fresh_browser_is_told_where_answers_are_and_how_to_continue_elsewhere(client):
    start = _text(client.get(reverse("wizard:start")))
    assert "Uw antwoorden staan alleen in de browser waarin u ze typte" in start
    assert "bewaarcode" in start


def test_the_going_step_offers_an_interpreter_and_asks_about_the_schools_policy_on_children_joining(client):
    page = _text(client.get(step_url("ga-naar-het-gesprek")))
    assert "Vraag de school dan om een tolk" in page
    assert "of de school daar afspraken over heeft" in page
    assert "Weet ik nog niet. Ik vraag het aan school." in page


def test_the_roadmap_explains_the_vertrouwenspersoon_the_inspectie_and_aangifte(client, support_contacts):
    post_step(client, "over-het-gesprek", {"topic": "pesten"})
    roadmap = _text(client.get(reverse("wizard:roadmap")))
    assert "schoolbestuur" in roadmap and "onafhankelijk" in roadmap  # the vertrouwenspersoon
    assert "binnen de school" in roadmap or "buiten de school" in roadmap
    assert "sancties" in roadmap  # the inspectie can act
    assert "vertrouwensinspecteur" in roadmap.lower()


def test_words_above_b1_are_not_on_the_parents_pages(client, support_contacts):
    fill_wizard(client)
    pages = [
        reverse("wizard:start"),
        reverse("wizard:check"),
        reverse("wizard:roadmap"),
        reverse("wizard:privacy"),
        *(step_url(slug) for slug in ("over-het-gesprek", "ga-naar-het-gesprek", "wat-is-er-gebeurd")),
    ]
    for url in pages:
        text = _text(client.get(url)).lower()
        for word in ("instanties", "instemmen", "voorvallen"):
            assert word not in text, (url, word)


def test_above_the_download_the_check_page_lists_the_steps_to_look_at_again_with_links(client, support_contacts):
    post_step(client, "over-het-gesprek", {"topic": "pesten"})
    post_step(client, "wat-is-er-gebeurd", {"voorval-TOTAL_FORMS": "1", "voorval-INITIAL_FORMS": "0", "voorval-0-date": "2999-01-01", "voorval-0-what": "Geschopt"})
    html = client.get(reverse("wizard:check")).content.decode()
    look_again = html.index("Kijk nog even naar deze stappen")
    assert look_again < html.index(reverse("wizard:pdf"))
    listed = html[look_again : html.index("</ul>", look_again)]
    assert step_url("wat-is-er-gebeurd") in listed
    assert step_url("over-het-gesprek") not in listed


def test_the_childs_first_name_is_used_where_the_hint_promises(client):
    post_step(client, "over-het-gesprek", {"child_name": "Noor"})
    assert "Praat thuis eerst met Noor" in _text(client.get(step_url("praat-met-uw-kind")))


def test_the_bullying_questions_name_the_person_the_parent_is_seeing(client):
    post_step(client, "over-het-gesprek", {"topic": "pesten", "partner_role": "mentor", "partner_name": "meneer Bakker"})
    assert "Vragen over het pesten voor meneer Bakker" in _text(client.get(step_url("wat-wilt-u-vragen")))
