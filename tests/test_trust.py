"""What a parent must be able to trust: confidences off the sheet, working links, no answer dropped silently."""
import io
from urllib.parse import urlsplit

import pytest
from django.urls import reverse
from pypdf import PdfReader

from .conftest import (
    FULL_ANSWERS,
    fill_wizard,
    incident_rows,
    pdf_words,
    post_step,
    step_url,
)

pytestmark = pytest.mark.django_db
PDF = reverse("wizard:pdf")
SECRET = "Niet zeggen welke jongens het zijn, ze is bang dat het erger wordt."


def _bullying(client, **about):
    post_step(client, "over-het-gesprek", {"topic": "pesten", "partner_role": "leerkracht", "partner_name": "juf Sanne", **about})
    post_step(
        client,
        "wat-is-er-gebeurd",
        {
            **incident_rows(
                {"date": "2026-11-02", "what": "Uitgescholden bij de gym", "physical": "nee"},
                {"date": "2999-11-09", "what": "Geschopt op het plein", "where": "Het plein", "physical": "ja"},
                {"date": "2026-11-16", "what": "Tas in de sloot gegooid", "physical": "nee"},
            ),
            "signs": ["slaapt-slecht"],
            "already_result": "De juf zou opletten",
        },
    )


def test_what_the_child_would_rather_not_have_said_is_only_for_the_parent(client, support_contacts):
    fill_wizard(client)
    post_step(client, "praat-met-uw-kind", {**FULL_ANSWERS["praat-met-uw-kind"], "not_said": SECRET})
    check = client.get(reverse("wizard:check")).content.decode()
    assert SECRET in check
    assert "alleen voor u" in check
    assert "Niet zeggen welke jongens" not in pdf_words(client.get(PDF).content)
    # Also on the bullying sheet, with its roadmap.
    _bullying(client)
    assert "Niet zeggen welke jongens" not in pdf_words(client.get(PDF).content)


def _link_targets(body):
    targets = []
    for page in PdfReader(io.BytesIO(body)).pages:
        for annotation in page.get("/Annots") or []:
            action = annotation.get_object().get("/A")
            if action is not None and "/URI" in action:
                targets.append(str(action["/URI"]))
    return targets


def test_every_link_in_the_bullying_pdf_points_to_a_real_address(client, demo_school, settings):
    client.get(reverse("wizard:school", args=[demo_school.slug]))
    _bullying(client)
    targets = _link_targets(client.get(PDF).content)
    assert len(targets) >= 9
    web = [target for target in targets if target.startswith("http")]
    assert web and all(urlsplit(target).netloc == "testserver" for target in web), web
    assert "http://testserver/naar/kinderombudsman/" in web
    assert "tel:112" in targets
    assert not [target for target in targets if "invalid" in urlsplit(target).netloc and "voorbeeldschool" not in target]
    # Behind a proxy, SITE_URL is the public address.
    settings.SITE_URL = "https://pestgesprek.example"
    web = [target for target in _link_targets(client.get(PDF).content) if target.startswith("http")]
    assert web and all(urlsplit(target).netloc == "pestgesprek.example" for target in web), web


def test_one_wrong_date_keeps_the_other_incidents_and_says_what_is_missing(client, support_contacts):
    _bullying(client)
    text = pdf_words(client.get(PDF).content)
    assert "Uitgescholden bij de gym" in text and "Tas in de sloot gegooid" in text
    # The row with the wrong date keeps its other fields.
    assert "Geschopt op het plein" in text and "Het plein" in text
    assert "De juf zou opletten" in text and "Slaapt slecht" in text
    assert "Let op: niet alles staat hierop" in text
    assert "Gebeurtenis 2, Wanneer gebeurde het" in text
    assert "29 november 2999" not in text and "2999" not in text
    # The roadmap still sees the kick.
    assert "Past bij wat u vertelde" in text
    check = client.get(reverse("wizard:check")).content.decode()
    assert "Uitgescholden bij de gym" in check


def test_the_roadmap_has_an_emergency_line_phone_links_and_kenniscentrum_pesten(client, demo_school):
    html = client.get(reverse("wizard:roadmap")).content.decode()
    assert '<a href="tel:112">' in html and "112" in html
    assert '<a href="tel:09001113111" dir="ltr">0900-111 3 111' in html
    assert '<a href="tel:0848340086" dir="ltr">084-8340086</a>' in html
    client.get(reverse("wizard:school", args=[demo_school.slug]))
    html = client.get(reverse("wizard:roadmap")).content.decode()
    assert '<a href="mailto:aanspreekpunt@voorbeeldschool.invalid" dir="ltr">' in html
    summary = html[html.index('class="roadmap-summary"') : html.index("</ol>")]
    assert summary.count("<li>") == 3


def test_a_routine_sheet_mentions_bullying_at_most_once(filled_client):
    text = pdf_words(filled_client.get(PDF).content).lower()
    assert text.count("pest") == 1, text
    assert "pagina 1 van" in text


def test_the_bullying_pdf_has_the_top_questions_on_page_one_and_the_roadmap_on_its_own_page(client, support_contacts):
    _bullying(client)
    post_step(client, "wat-wilt-u-vragen", {"teacher_questions": ["herkent-pesten", "wat-kunt-u-doen"]})
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(client.get(PDF).content)).pages]
    assert "Herkent u dat mijn kind gepest wordt?" in pages[0]
    roadmap_pages = [number for number, text in enumerate(pages) if text.startswith("Als het niet goed loopt")]
    assert roadmap_pages, [text[:40] for text in pages]
    assert "Hulp binnen de school" not in " ".join(pages[: roadmap_pages[0]])


def test_a_sheet_leaves_room_for_the_agreed_goal_next_to_the_proposal(filled_client):
    text = pdf_words(filled_client.get(PDF).content)
    assert "Mijn voorstel voor één klein doel: Emma maakt het huiswerk voor rekenen af elke dinsdagavond" in text
    assert "Het doel dat we samen afspreken" in text
    assert "vraag ik om uitleg en om een voorbeeld" in text
    assert "vraag dan om een vervolgafspraak" in text.lower()


def test_the_child_speaks_before_the_parent_tells_on_the_sheet(filled_client):
    text = pdf_words(filled_client.get(PDF).content)
    assert text.index("Wat mijn kind zegt") < text.index("Wat ik wil vertellen")


def test_the_bullying_track_has_its_own_goal_example_and_no_report_question(client):
    post_step(client, "over-het-gesprek", {"topic": "pesten"})
    goal = client.get(step_url("afspraken")).content.decode()
    assert "let in de pauze op" in goal and "huiswerk voor rekenen" not in goal
    child = client.get(step_url("praat-met-uw-kind")).content.decode()
    assert "rapport" not in child.lower()


def test_robots_txt_keeps_drafts_and_the_staff_admin_out(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200 and response["Content-Type"].startswith("text/plain")
    lines = response.content.decode().splitlines()
    for path in ["/stap/", "/controleren/", "/voorbereiding.pdf", "/beheer/", "/wissen/"]:
        assert f"Disallow: {path}" in lines, path
    assert "Disallow: /" not in lines


def test_verder_waar_ik_was_opens_the_first_step_that_is_not_done(client):
    for slug in ["over-het-gesprek", "ga-naar-het-gesprek", "praat-met-uw-kind"]:
        post_step(client, slug, FULL_ANSWERS[slug])
    html = client.get("/").content.decode()
    assert f'<a class="button" href="{step_url("wat-wilt-u-vragen")}">Verder waar ik was</a>' in html
    # A step that needs work comes first.
    post_step(client, "praat-met-uw-kind", {"likes": "x" * 2001})
    assert f'href="{step_url("praat-met-uw-kind")}">Verder waar ik was' in client.get("/").content.decode()
    # All done: the check page.
    fill_wizard(client)
    assert f'href="{reverse("wizard:check")}">Verder waar ik was' in client.get("/").content.decode()


def test_footer_and_privacy_page_say_the_same_true_thing_and_name_the_operator(client, settings):
    post_step(client, "over-het-gesprek", {"child_name": "Emma"})
    footer = client.get("/").content.decode()
    privacy = client.get(reverse("wizard:privacy")).content.decode()
    sentence = "Uw antwoorden staan op onze server. Alleen deze browser kan erbij."
    assert sentence in footer and sentence in privacy
    assert "alleen in deze browser op dit apparaat" not in footer
    assert "nog niet ingesteld" in privacy
    settings.SITE_OPERATOR_NAME, settings.SITE_OPERATOR_EMAIL = "Stichting Voorbeeld", "privacy@voorbeeld.example"
    privacy = client.get(reverse("wizard:privacy")).content.decode()
    assert "Stichting Voorbeeld" in privacy and 'href="mailto:privacy@voorbeeld.example"' in privacy
    assert "Autoriteit Persoonsgegevens" in privacy


def test_the_step_list_says_when_answers_were_saved_and_until_when_they_are_kept(client):
    post_step(client, "over-het-gesprek", {"child_name": "Emma"})
    html = client.get(step_url("ga-naar-het-gesprek")).content.decode()
    assert "Laatst opgeslagen:" in html and "Bewaard tot" in html


def test_the_first_step_says_the_bullying_track_adds_steps(client):
    html = client.get(step_url("over-het-gesprek")).content.decode()
    assert "Stap 1 van 6" in html and "Gaat het over pesten? Dan komen er 2 stappen bij." in html
    post_step(client, "over-het-gesprek", {"topic": "pesten"})
    assert "Dan komen er" not in client.get(step_url("over-het-gesprek")).content.decode()


def test_a_follow_up_question_appears_after_its_question_is_answered(client):
    page = client.get(step_url("ga-naar-het-gesprek")).content.decode()
    assert 'name="companion_name"' not in page
    response = post_step(client, "ga-naar-het-gesprek", {"companion": "familie"})
    assert response["Location"] == step_url("ga-naar-het-gesprek") + "#id_companion_name"
    page = client.get(response["Location"]).content.decode()
    assert 'name="companion_name"' in page and "Er is een vraag bijgekomen" in page
    assert post_step(client, "ga-naar-het-gesprek", {"companion": "familie", "companion_name": "Oma"})["Location"] == step_url("praat-met-uw-kind")
    # A follow-up that does not apply is not listed as "Niet ingevuld".
    post_step(client, "ga-naar-het-gesprek", {"companion": "niemand", "companion_name": "Oma"})
    check = client.get(reverse("wizard:check")).content.decode()
    assert "Wie is dat?" not in check and "Oma" not in check


def test_the_error_summary_lists_errors_in_page_order(client):
    post_step(client, "over-het-gesprek", {"topic": "pesten"})
    response = post_step(
        client, "wat-is-er-gebeurd", {**incident_rows({"date": "2999-01-01"}), "other_signs": "x" * 2001}
    )
    links = [target for target, _message in response.context["form"].summary_errors()]
    assert links == ["id_voorval-0-date", "id_other_signs"]
