"""The wizard over HTTP: saving, going back, direct links, errors, isolation and deletion."""
import pytest
from django.test import Client
from django.test.utils import override_script_prefix
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from wizard import steps
from wizard.models import Draft

from .conftest import FULL_ANSWERS, fill_wizard, post_step, step_url

pytestmark = pytest.mark.django_db


def test_start_page_explains_and_links_to_the_first_step(client):
    response = client.get("/")
    assert response.status_code == 200
    assert step_url("over-het-gesprek") in response.content.decode()
    assert Draft.objects.count() == 0


def test_a_plain_visit_to_a_step_creates_no_draft(client):
    response = client.get(step_url("over-het-gesprek"))
    assert response.status_code == 200
    assert Draft.objects.count() == 0


def test_step_page_shows_its_number_in_title_and_above_the_form(client):
    html = client.get(step_url("praat-met-uw-kind")).content.decode()
    assert "<title>Stap 3 van 6: Praat eerst met uw kind" in html
    assert '<p class="step-count">Stap 3 van 6</p>' in html


@pytest.mark.parametrize("slug", [s for s in FULL_ANSWERS if s != "belangrijkste-vragen"])
def test_each_step_saves_and_shows_the_answers_again(client, slug):
    post_step(client, slug, FULL_ANSWERS[slug])
    draft = Draft.objects.get()
    stored = draft.answers[steps.get_step(slug).key]
    assert {name: stored[name] for name in FULL_ANSWERS[slug]} == FULL_ANSWERS[slug]
    form = client.get(step_url(slug)).context["form"]
    for name, value in FULL_ANSWERS[slug].items():
        assert form[name].value() == value


def test_a_reloaded_text_answer_is_in_the_html(client):
    post_step(client, "praat-met-uw-kind", {"likes": "Gym en tekenen"})
    assert ">\nGym en tekenen</textarea>" in client.get(step_url("praat-met-uw-kind")).content.decode()


def test_volgende_goes_to_the_next_step_and_the_last_step_to_the_check_page(client):
    response = post_step(client, "over-het-gesprek", {"topic": "rapport"})
    assert response["Location"] == step_url("ga-naar-het-gesprek")
    response = post_step(client, "afspraken", {"hope": "Rust"})
    assert response["Location"] == reverse("wizard:check")


def test_the_top_questions_step_comes_only_with_more_than_three_questions(client):
    response = post_step(client, "wat-wilt-u-vragen", {"examples": ["sterke-punten"]})
    assert response["Location"] == step_url("wat-wilt-u-vertellen")
    response = post_step(client, "wat-wilt-u-vragen", FULL_ANSWERS["wat-wilt-u-vragen"])
    assert response["Location"] == step_url("belangrijkste-vragen")


def test_vorige_saves_invalid_input_and_going_back_shows_it_again(client):
    too_long = "x" * 2001
    response = post_step(client, "praat-met-uw-kind", {"likes": too_long, "dislikes": "Rekenen"}, action="vorige")
    assert response["Location"] == step_url("ga-naar-het-gesprek")
    html = client.get(step_url("praat-met-uw-kind")).content.decode()
    assert too_long in html
    assert "Rekenen" in html
    assert "te lang" in html


def test_too_long_text_shows_an_error_summary_and_keeps_everything_typed(client):
    too_long = "a" * 2001
    response = post_step(client, "praat-met-uw-kind", {"likes": too_long, "dislikes": "Niet gym"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Fout: Stap 3 van 6" in html
    assert 'class="error-summary" role="alert" tabindex="-1"' in html
    assert 'href="#id_likes"' in html
    assert "hoogstens 2000 tekens. Nu zijn het er 2001." in html
    assert too_long in html and "Niet gym" in html
    assert Draft.objects.get().answers["child"]["likes"] == too_long


def test_more_than_twenty_own_questions_are_refused_with_a_clear_message(client):
    questions = "\n".join(f"Vraag nummer {n}?" for n in range(21))
    html = post_step(client, "wat-wilt-u-vragen", {"own_questions": questions}).content.decode()
    assert "U schreef 21 vragen. Dat zijn er te veel: hoogstens 20." in html
    assert "Vraag nummer 20?" in html


def test_more_than_three_top_questions_are_refused(client):
    post_step(client, "wat-wilt-u-vragen", FULL_ANSWERS["wat-wilt-u-vragen"])
    response = post_step(
        client, "belangrijkste-vragen", {"top": ["sterke-punten", "in-de-groep", "Hoe gaat het met lezen?", "Krijgt ze extra hulp bij rekenen?"]}
    )
    assert response.status_code == 200
    assert "U koos 4 vragen. Kies er hoogstens 3." in response.content.decode()


def test_an_impossible_date_gets_a_dutch_message_and_the_rest_is_kept(client):
    response = post_step(client, "over-het-gesprek", {"date": "31-02-2026", "child_name": "Emma"})
    html = response.content.decode()
    assert "Vul een echte datum in" in html
    assert 'value="Emma"' in html


def test_a_dutch_date_is_accepted_and_stored_in_iso_form(client):
    post_step(client, "over-het-gesprek", {"date": "3-12-2026", "time": "15.30"})
    about = Draft.objects.get().answers["about"]
    assert about["date"] == "2026-12-03"
    assert about["time"] == "15:30"


def test_any_step_can_be_opened_directly_by_its_url(client):
    response = client.get(step_url("wat-wilt-u-vertellen"))
    assert response.status_code == 200
    assert "Wat wilt u vertellen?" in response.content.decode()


def test_step_list_marks_done_steps(client):
    post_step(client, "over-het-gesprek", {"topic": "rapport"})
    html = client.get(step_url("praat-met-uw-kind")).content.decode()
    assert html.count('class="tag tag--done"') == 1


def test_unknown_step_gives_a_dutch_404(client):
    response = client.get("/stap/bestaat-niet/")
    assert response.status_code == 404
    assert "Deze pagina bestaat niet" in response.content.decode()


def test_post_without_csrf_token_gives_a_dutch_403():
    client = Client(enforce_csrf_checks=True)
    response = client.post(step_url("over-het-gesprek"), {"topic": "rapport"})
    assert response.status_code == 403
    assert "De pagina was verlopen" in response.content.decode()
    assert Draft.objects.count() == 0


def test_check_page_shows_answers_and_niet_ingevuld(client):
    post_step(client, "over-het-gesprek", {"child_name": "Emma", "topic": "pesten"})
    html = client.get(reverse("wizard:check")).content.decode()
    assert "Emma" in html
    assert "Zorgen over pesten" in html
    assert "Niet ingevuld" in html
    assert f'{step_url("afspraken")}?terug=controleren' in html


def test_wijzig_returns_to_the_check_page_after_saving(client):
    post_step(client, "over-het-gesprek", {"child_name": "Emma"})
    page = client.get(step_url("praat-met-uw-kind") + "?terug=controleren").content.decode()
    assert 'name="terug" value="controleren"' in page
    response = post_step(client, "praat-met-uw-kind", {"likes": "Gym"}, terug="controleren")
    # Back at the changed section, with a short message.
    assert response["Location"] == reverse("wizard:check") + "#summary-child"
    assert "Uw antwoorden zijn opgeslagen." in client.get(response["Location"]).content.decode()


def test_vorige_in_change_mode_stays_in_change_mode(client):
    post_step(client, "over-het-gesprek", {"child_name": "Emma"})
    response = post_step(client, "praat-met-uw-kind", {"likes": "Gym"}, action="vorige", terug="controleren")
    assert response["Location"] == step_url("ga-naar-het-gesprek") + "?terug=controleren"


@pytest.mark.parametrize("name", ["wizard:check", "wizard:pdf"])
def test_check_and_pdf_without_a_draft_send_the_parent_to_the_start(client, name):
    response = client.get(reverse(name), follow=True)
    assert response.redirect_chain[-1][0] == reverse("wizard:start")
    assert "Er zijn nog geen antwoorden" in response.content.decode()


def test_two_browsers_never_see_each_others_draft():
    first, second = Client(), Client()
    post_step(first, "over-het-gesprek", {"child_name": "Eerstekind"})
    post_step(second, "over-het-gesprek", {"child_name": "Tweedekind"})
    assert Draft.objects.count() == 2
    first_page = first.get(reverse("wizard:check")).content.decode()
    second_page = second.get(reverse("wizard:check")).content.decode()
    assert "Eerstekind" in first_page and "Tweedekind" not in first_page
    assert "Tweedekind" in second_page and "Eerstekind" not in second_page


def test_the_session_key_changes_when_a_draft_is_created(client):
    client.get("/")
    client.session.save()
    before = client.session.session_key
    post_step(client, "over-het-gesprek", {"child_name": "Emma"})
    assert client.session.session_key != before


def test_wis_mijn_gegevens_asks_first_then_deletes_the_row_and_the_session(client):
    post_step(client, "over-het-gesprek", {"child_name": "Emma"})
    confirm = client.get(reverse("wizard:forget"))
    assert "Ja, wis alles" in confirm.content.decode()
    assert Draft.objects.count() == 1
    response = client.post(reverse("wizard:forget"), {"bevestigd": "ja"})
    assert "Uw gegevens zijn gewist" in response.content.decode()
    assert Draft.objects.count() == 0
    assert "Emma" not in client.get(step_url("over-het-gesprek")).content.decode()


def test_opnieuw_beginnen_without_confirmation_deletes_nothing(client):
    fill_wizard(client)
    start = client.get("/").content.decode()
    # On the start page it is a link to a confirmation page, not a button that deletes.
    assert f'<a href="{reverse("wizard:start_over")}">Opnieuw beginnen</a>' in start
    page = client.get(reverse("wizard:start_over"))
    assert "Weet u het zeker?" in page.content.decode()
    assert client.post(reverse("wizard:start_over")).status_code == 200
    assert Draft.objects.count() == 1
    assert client.post(reverse("wizard:forget")).status_code == 200
    assert Draft.objects.count() == 1


def test_opnieuw_beginnen_starts_a_clean_draft(client):
    fill_wizard(client)
    response = client.post(reverse("wizard:start_over"), {"bevestigd": "ja"})
    assert response["Location"] == step_url("over-het-gesprek")
    assert Draft.objects.count() == 0
    post_step(client, "over-het-gesprek", {"child_name": "Sam"})
    answers = Draft.objects.get().answers
    assert list(answers) == ["about"]
    assert answers["about"]["child_name"] == "Sam"


def test_every_footer_says_until_when_answers_are_kept(client):
    post_step(client, "over-het-gesprek", {"child_name": "Emma"})
    expires = Draft.objects.get().expires_at
    for url in ["/", step_url("afspraken"), reverse("wizard:privacy"), reverse("wizard:roadmap")]:
        html = client.get(url).content.decode()
        assert f"We bewaren ze tot {date_format(timezone.localtime(expires), 'j F Y')}." in html, url


def test_every_footer_says_how_long_answers_are_kept(client):
    for url in ["/", step_url("afspraken"), reverse("wizard:forget")]:
        html = client.get(url).content.decode()
        assert "We bewaren ze 30 dagen na de laatste keer dat u iets opslaat." in html
        assert reverse("wizard:forget") in html


@pytest.mark.parametrize(
    "text", ["<script>alert(1)</script>", '<img src="file:///etc/passwd">']
)
def test_markup_typed_by_a_parent_is_shown_as_literal_text(client, text):
    post_step(client, "praat-met-uw-kind", {"likes": text})
    post_step(client, "over-het-gesprek", {"child_name": text[:60]})
    for url in [reverse("wizard:check"), step_url("praat-met-uw-kind")]:
        html = client.get(url).content.decode()
        assert text not in html
        assert "&lt;" in html and ("&lt;script&gt;" in html or "&lt;img src=" in html)


def test_check_page_shows_chosen_questions_as_a_list(client):
    post_step(client, "wat-wilt-u-vragen", {"examples": ["wat-kan-beter"], "own_questions": "Eén\nTwee"})
    html = client.get(reverse("wizard:check")).content.decode()
    assert "<li>Wat kan beter?</li>" in html
    assert "<li>Eén</li><li>Twee</li>" in html
    assert "[" not in html.split("<main")[1]


def test_html_lang_follows_the_active_language(client):
    assert '<html lang="nl" dir="ltr">' in client.get("/").content.decode()
    # A first visit follows the browser's language: to the same page under /en/.
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="en")
    assert response["Location"] == "/en/"
    assert '<html lang="en" dir="ltr">' in client.get("/en/").content.decode()
    assert '<html lang="ar" dir="rtl">' in client.get("/ar/").content.decode()
    assert '<html lang="nl" dir="ltr">' in client.get("/", HTTP_ACCEPT_LANGUAGE="nl,en;q=0.5").content.decode()


# Every page reads the draft once; saving a step adds one write in one transaction.
MAX_QUERIES = 4


@pytest.mark.parametrize("slug", [s for s in FULL_ANSWERS])
def test_a_step_page_needs_at_most_four_queries(filled_client, django_assert_max_num_queries, slug):
    with django_assert_max_num_queries(MAX_QUERIES):
        assert filled_client.get(step_url(slug)).status_code == 200
    with django_assert_max_num_queries(MAX_QUERIES):
        assert post_step(filled_client, slug, FULL_ANSWERS[slug]).status_code == 302
    with django_assert_max_num_queries(MAX_QUERIES):
        assert post_step(filled_client, slug, FULL_ANSWERS[slug], action="vorige").status_code == 302


# Outside a test transaction, as in production: inside one, every INSERT gets a savepoint.
@pytest.mark.django_db(transaction=True)
def test_a_new_parent_needs_at_most_four_queries_per_step(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(MAX_QUERIES):
        client.get(step_url("over-het-gesprek"))
    with django_assert_max_num_queries(MAX_QUERIES):
        assert post_step(client, "over-het-gesprek", {"child_name": "Emma"}).status_code == 302
    with django_assert_max_num_queries(MAX_QUERIES):
        assert post_step(client, "praat-met-uw-kind", {"likes": "x" * 2001}).status_code == 200


def test_step_links_follow_the_address_the_site_is_served_under(client):
    # Reversed step addresses are remembered; under another prefix they must be made anew.
    assert 'href="/stap/afspraken/"' in client.get(step_url("afspraken")).content.decode()
    with override_script_prefix("/ouders/"):
        html = client.get("/stap/afspraken/").content.decode()
    assert 'href="/ouders/stap/afspraken/"' in html
    assert 'href="/stap/afspraken/"' not in html
