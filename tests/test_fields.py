"""How one form field is drawn (wizard/templatetags/gds_fields.py): GOV.UK markup, linked hints and errors."""
import datetime
import re

import pytest
from crispy_forms_gds.layout import Layout
from django import forms as django_forms
from django.template import Context, Template

from wizard import forms
from wizard.templatetags.gds_fields import gds_field

from . import field_markup
from .conftest import incident_rows


class SampleForm(forms.StepForm):
    name = forms.TextField("Naam <b>", max_length=5, long=False, help_text="Bijvoorbeeld: Sam & Noor")
    story = forms.TextField("Verhaal")
    day = forms.DateField("Dag")
    way = forms.ChoiceField("Hoe?", [("mail", "Per <mail>"), ("bellen", "Bellen")])
    questions = forms.MultipleChoiceField("Vragen", [("a", "Vraag A"), ("b", "Vraag B"), ("c", "Vraag C")])


MARKUP = "<script>&\"'"


class EveryWidget(forms.StepForm):
    """Every kind of widget our forms use, with characters that mean something in HTML in every text."""

    text = forms.TextField(f"Tekst {MARKUP}", long=False, help_text=f"Hint {MARKUP}")
    story = forms.TextField(f"Verhaal {MARKUP}", help_text=f"Hint {MARKUP}")
    day = forms.DateField(f"Dag {MARKUP}", help_text=f"Hint {MARKUP}")
    at = forms.TimeField(f"Tijd {MARKUP}", help_text=f"Hint {MARKUP}")
    # As on the staff's password page, but showing its value, to see it escaped too.
    secret = django_forms.CharField(
        label=f"Wachtwoord {MARKUP}", help_text=f"Hint {MARKUP}", widget=django_forms.PasswordInput(render_value=True)
    )
    way = forms.ChoiceField(f"Hoe {MARKUP}", [(MARKUP, f"Keuze {MARKUP}"), ("b", "B")], help_text=f"Hint {MARKUP}")
    ticks = forms.MultipleChoiceField(
        f"Vragen {MARKUP}", [(MARKUP, f"Vraag {MARKUP}"), ("b", "B"), ("c", "C")], help_text=f"Hint {MARKUP}"
    )


def drawn(form, name):
    return str(gds_field(form[name]))


def tag(html, name):
    return re.search(rf"<{name}\b[^>]*>", html).group(0)


def test_a_text_field_links_its_hint_and_errors_and_says_it_is_invalid():
    form = SampleForm({"name": "abcdefgh"})
    assert not form.is_valid()
    html = drawn(form, "name")
    field = tag(html, "input")
    assert 'aria-describedby="id_name_hint id_name_1_error"' in field
    assert 'aria-invalid="true"' in field
    assert 'class="govuk-input govuk-input--error"' in field
    assert 'value="abcdefgh"' in field
    assert '<div id="div_id_name" class="govuk-form-group govuk-form-group--error">' in html
    assert '<p id="id_name_1_error" class="govuk-error-message"><span class="govuk-visually-hidden">Fout:</span> Uw tekst is te lang.' in html


def test_a_valid_field_without_a_hint_has_no_describedby_and_no_error_marks():
    form = SampleForm({"story": "Alles goed"})
    assert form.is_valid()
    html = drawn(form, "story")
    assert "aria-" not in html
    assert "--error" not in html
    assert '<div id="div_id_story" class="govuk-form-group">' in html


def test_labels_hints_values_and_choices_are_escaped():
    form = SampleForm({"name": '"><script>x</script>', "way": "mail"})
    html = drawn(form, "name") + drawn(form, "way")
    assert "<script>" not in html and "<b>" not in html and "<mail>" not in html
    assert 'value="&quot;&gt;&lt;script&gt;x&lt;/script&gt;"' in html
    assert "Naam &lt;b&gt;" in html and "Sam &amp; Noor" in html and "Per &lt;mail&gt;" in html


def test_a_textarea_keeps_a_first_empty_line():
    # Browsers drop one newline right after <textarea>; the tag writes one so the typed one stays.
    html = drawn(SampleForm({"story": "\nTweede regel"}), "story")
    assert re.search(r'<textarea name="story" cols="40" rows="3" class="govuk-textarea" id="id_story">\n\nTweede regel</textarea>', html)


def test_a_date_is_shown_in_the_form_the_browser_expects():
    html = drawn(SampleForm(initial={"day": datetime.date(2026, 12, 3)}), "day")
    assert tag(html, "input") == '<input type="date" name="day" value="2026-12-03" class="dateinput" id="id_day">'


def test_radio_buttons_sit_in_a_fieldset_with_the_chosen_one_checked():
    form = SampleForm({"way": "bellen"})
    html = drawn(form, "way")
    assert '<legend class="govuk-fieldset__legend">Hoe?</legend>' in html
    assert re.findall(r'<input type="radio" name="way" class="govuk-radios__input" id="id_way_(\d)" value="(\w+)"( checked="checked")?>', html) == [
        ("1", "mail", ""),
        ("2", "bellen", ' checked="checked"'),
    ]
    assert '<label class="govuk-label govuk-radios__label" for="id_way_2">Bellen</label>' in html


def test_a_wrong_choice_links_the_error_from_the_fieldset():
    form = SampleForm({"way": "fax"})
    assert not form.is_valid()
    html = drawn(form, "way")
    assert '<fieldset class="govuk-fieldset" aria-describedby="id_way_1_error">' in html
    assert 'id="id_way_1_error"' in html and "Kies een van de mogelijkheden." in html


def test_tick_boxes_show_every_chosen_answer():
    html = drawn(SampleForm({"questions": ["a", "c"]}), "questions")
    checked = re.findall(r'id="id_questions_(\d)" value="\w"( checked="checked")?', html)
    assert checked == [("1", ' checked="checked"'), ("2", ""), ("3", ' checked="checked"')]
    assert 'class="govuk-checkboxes"' in html


def test_a_widget_it_does_not_know_is_an_error_not_a_silent_gap():
    class WithSelect(django_forms.Form):
        pick = django_forms.ChoiceField(choices=[("a", "A")], widget=django_forms.Select)

    with pytest.raises(TypeError, match="Select"):
        gds_field(WithSelect()["pick"])


def test_nothing_is_ticked_before_the_parent_chose_even_a_question_called_none():
    class OwnQuestions(forms.StepForm):
        top = forms.MultipleChoiceField("Belangrijkst", [("None", "None"), ("Lezen?", "Lezen?")])
        way = forms.ChoiceField("Hoe?", [("None", "None")])

    form = OwnQuestions()
    assert "checked" not in drawn(form, "top") + drawn(form, "way")


def test_a_class_the_widget_carries_is_kept_after_ours():
    form = SampleForm({"name": "abcdefgh"})
    form.fields["name"].widget.attrs["class"] = "govuk-input--width-10"
    assert 'class="govuk-input govuk-input--width-10 govuk-input--error"' in tag(drawn(form, "name"), "input")


def test_a_time_is_shown_in_the_form_the_browser_expects():
    class When(forms.StepForm):
        at = forms.TimeField("Hoe laat?")

    html = drawn(When(initial={"at": datetime.time(15, 30)}), "at")
    assert tag(html, "input") == '<input type="time" name="at" value="15:30" class="timeinput" id="id_at">'


def test_a_group_draws_its_legend_escaped_and_its_fields_inside():
    class Grouped(forms.StepForm):
        who = forms.TextField("Wie?", long=False)

        def layout(self):
            return Layout(forms.Group("Doel <1>", "who"))

    html = render_crispy(Grouped())
    assert html.startswith('<fieldset class="govuk-fieldset field-group"><legend class="govuk-fieldset__legend">Doel &lt;1&gt;</legend>')
    assert '<div id="div_id_who" class="govuk-form-group">' in html and html.endswith("</fieldset>")


def test_incident_rows_get_ids_with_their_prefix():
    incidents = forms.IncidentsForm(incident_rows({"what": "Duw"}, {"what": "Schop"}))
    html = render_crispy(incidents.rows.forms[1])
    assert 'id="id_voorval-1-what"' in html and 'name="voorval-1-what"' in html
    assert 'id="id_voorval-1-physical_1"' in html and 'for="id_voorval-1-physical_1"' in html


def render_crispy(form):
    return Template("{% load crispy_forms_tags %}{% crispy form %}").render(Context({"form": form})).strip()


def every_widget_filled_in():
    form = EveryWidget({**{name: MARKUP for name in EveryWidget.base_fields}, "ticks": [MARKUP, "c"]})
    form.is_valid()
    for name in form.fields:
        form.add_error(name, f"Fout {MARKUP}")
        form.add_error(name, "Tweede fout")
    return form


@pytest.mark.parametrize(
    "make_form, expected",
    [(every_widget_filled_in, field_markup.FILLED_IN), (lambda: EveryWidget(prefix="rij-1"), field_markup.EMPTY_IN_A_ROW)],
    ids=["filled in with errors", "empty in a row"],
)
def test_every_kind_of_widget_is_drawn_byte_for_byte_with_every_text_escaped(make_form, expected):
    form = make_form()
    html = {name: drawn(form, name) for name in form.fields}
    assert html == expected
    assert "<script>" not in "".join(html.values())
