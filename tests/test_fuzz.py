"""Property-based tests: whatever is posted to a step, the check page or the PDF, never a 500.

Steps come from the registry, so a step added later is fuzzed without touching this file.
Examples per test come from the Hypothesis profile in conftest.py (30 by default). Broken
bodies get half of that, as they stop early in Django; the PDF a quarter, as each example
renders one.
"""
from urllib.parse import quote_from_bytes

import pytest
from django import forms as django_forms
from django.test import Client
from django.urls import reverse
from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from wizard import steps

from .conftest import FULL_ANSWERS, post_step, step_url

pytestmark = pytest.mark.django_db
EXAMPLES = hypothesis_settings.default.max_examples
RAW_BODY_EXAMPLES = max(5, EXAMPLES // 2)
PDF_EXAMPLES = max(5, EXAMPLES // 4)

# Surrogates cannot be sent as UTF-8; broken encodings are covered by raw_body below.
TEXT = st.text(st.characters(exclude_categories=["Cs"]), max_size=200)
HUGE = st.builds(lambda char, size: char * size, st.characters(exclude_categories=["Cs"]), st.integers(2_001, 60_000))
MANY_LINES = st.integers(41, 3_000).map(lambda lines: "a\n" * lines)
VALUE = st.one_of(TEXT, HUGE, MANY_LINES, st.lists(TEXT, min_size=2, max_size=5))


def field_value(field):
    """Anything at all, or, often, something the field would accept: that reaches deeper code."""
    choices = [key for key, _label in getattr(field, "choices", [])]
    if isinstance(field, django_forms.MultipleChoiceField) and choices:
        return st.one_of(VALUE, st.lists(st.sampled_from(choices), max_size=len(choices)))
    if choices:
        return st.one_of(VALUE, st.sampled_from(choices))
    return VALUE


def form_data(step):
    """Some of the step's fields (maybe none), maybe extra ones, maybe a strange button."""
    fields = {name: field_value(field) for name, field in step.form_class.base_fields.items()}
    fields["action"] = st.one_of(st.sampled_from(["volgende", "vorige"]), VALUE)
    fields["terug"] = st.one_of(st.just("controleren"), VALUE)
    known = st.fixed_dictionaries({}, optional=fields)
    extra = st.dictionaries(TEXT.filter(bool), VALUE, max_size=3)
    return st.builds(lambda a, b: {**b, **a}, known, extra)


def raw_body():
    """Form-encoded bodies that are not valid UTF-8, or not form-encoded at all."""
    pairs = st.lists(st.tuples(st.binary(max_size=30), st.binary(max_size=300)), max_size=8)
    encoded = pairs.map(lambda items: "&".join(f"{quote_from_bytes(k)}={quote_from_bytes(v)}" for k, v in items).encode())
    return st.one_of(encoded, st.binary(max_size=2_000))


def prefilled_client(slugs):
    """A new browser, with some steps filled in already, so that steps that only sometimes apply do."""
    client = Client()
    for slug in slugs:
        post_step(client, slug, FULL_ANSWERS[slug])
    return client


PREFILL = st.lists(st.sampled_from(list(FULL_ANSWERS)), unique=True, max_size=3)


def assert_no_server_error(response):
    # The test client re-raises any exception a view lets out; this catches a 500 made on purpose.
    assert response.status_code < 500, response.status_code


@pytest.mark.parametrize("step", steps.STEPS, ids=lambda step: step.slug)
@given(data=st.data(), prefill=PREFILL)
def test_posting_anything_to_any_step_never_gives_a_500(step, data, prefill):
    client = prefilled_client(prefill)
    assert_no_server_error(client.post(step_url(step.slug), data.draw(form_data(step), label="form")))
    # What was stored must show again, and be summed up on the check page.
    assert_no_server_error(client.get(step_url(step.slug), data.draw(st.dictionaries(TEXT, TEXT, max_size=2))))
    assert_no_server_error(client.get(reverse("wizard:check")))


@pytest.mark.parametrize("step", steps.STEPS, ids=lambda step: step.slug)
@hypothesis_settings(max_examples=RAW_BODY_EXAMPLES)
@given(body=raw_body(), prefill=PREFILL)
def test_a_broken_request_body_to_any_step_never_gives_a_500(step, body, prefill):
    client = prefilled_client(prefill)
    response = client.generic("POST", step_url(step.slug), body, content_type="application/x-www-form-urlencoded")
    assert_no_server_error(response)
    assert_no_server_error(client.get(step_url(step.slug)))


@given(data=st.data(), prefill=PREFILL)
def test_posting_anything_to_the_check_page_never_gives_a_500(data, prefill):
    client = prefilled_client(prefill)
    assert_no_server_error(client.post(reverse("wizard:check"), data.draw(st.dictionaries(TEXT, VALUE, max_size=5))))


@hypothesis_settings(max_examples=PDF_EXAMPLES)
@given(data=st.data())
def test_whatever_was_posted_the_pdf_never_gives_a_500(data, settings):
    settings.PDF_RATE_LIMIT = {"session": 1_000, "ip": 1_000}
    client = Client()
    for step in data.draw(st.lists(st.sampled_from(steps.STEPS), min_size=1, max_size=len(steps.STEPS)), label="steps"):
        client.post(step_url(step.slug), data.draw(form_data(step), label=step.slug))
    response = client.post(reverse("wizard:pdf"), data.draw(st.dictionaries(TEXT, VALUE, max_size=3), label="pdf"))
    assert_no_server_error(response)
    assert response.status_code == 302 or response.content.startswith(b"%PDF-")
