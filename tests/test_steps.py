"""The step registry: order, and steps that apply only in some situations."""
import pytest

from wizard import steps
from wizard.answers import Answers
from wizard.models import Draft


def test_registry_lists_the_preparation_steps_in_order():
    slugs = [step.slug for step in steps.steps_in(steps.PREPARE)]
    assert slugs == [
        "over-het-gesprek",
        "ga-naar-het-gesprek",
        "praat-met-uw-kind",
        "wat-is-er-gebeurd",
        "wat-wilt-u-vragen",
        "belangrijkste-vragen",
        "wat-wilt-u-vertellen",
        "wat-wilt-u-dat-de-school-doet",
        "afspraken",
    ]


def test_every_step_has_a_unique_slug_and_an_intro_template():
    from django.template.loader import get_template

    assert len({s.slug for s in steps.STEPS}) == len(steps.STEPS)
    for step in steps.STEPS:
        get_template(step.intro_template)


def _draft(questions=(), own=""):
    return Draft(answers={"questions": {"examples": list(questions), "own_questions": own}})


def test_top_questions_step_applies_only_with_more_than_three_questions():
    few = _draft(["sterke-punten", "wat-kan-beter"], "Hoe gaat lezen?")
    many = _draft(["sterke-punten", "wat-kan-beter"], "Hoe gaat lezen?\nEn schrijven?")
    top = steps.get_step("belangrijkste-vragen")
    assert not top.applies_to(Answers(few))
    assert top.applies_to(Answers(many))
    assert top not in Answers(few).applicable
    assert top in Answers(many).applicable


def test_neighbours_skip_steps_that_do_not_apply():
    draft = _draft(["sterke-punten"])
    questions = steps.get_step("wat-wilt-u-vragen")
    previous, following = steps.neighbours(Answers(draft), questions)
    assert previous.slug == "praat-met-uw-kind"
    assert following.slug == "wat-wilt-u-vertellen"
    assert steps.neighbours(Answers(draft), steps.STEPS[0])[0] is None
    assert steps.neighbours(Answers(draft), steps.STEPS[-1])[1] is None


def test_unknown_slug_is_not_a_step():
    assert steps.get_step("bestaat-niet") is None


@pytest.mark.parametrize("step", steps.STEPS, ids=lambda s: s.slug)
def test_every_form_is_valid_when_left_empty(step):
    form = step.form_class({}, answers=Answers(Draft(answers={})))
    assert form.is_valid(), form.errors


def test_every_step_belongs_to_a_registered_phase_and_neighbours_stay_inside_it():
    answers = Answers(Draft(answers={}))
    assert {step.phase for step in steps.STEPS} <= set(steps.PHASES)
    for phase in steps.PHASES:
        in_phase = steps.steps_in(phase)
        assert in_phase, phase.key
        assert steps.first_step(phase) == in_phase[0]
        assert steps.neighbours(answers, in_phase[0])[0] is None
        assert steps.neighbours(answers, in_phase[-1])[1] is None
        for step in in_phase:
            assert all(n is None or n.phase == phase for n in steps.neighbours(answers, step)), step.key


def test_the_after_phase_has_its_own_steps_in_order():
    assert [step.key for step in steps.steps_in(steps.AFTER)] == ["how_it_went", "agreed", "follow_up", "kept"]
    assert steps.first_step(steps.AFTER).slug == "hoe-ging-het"
    # The preparation's count does not change with the after phase.
    assert steps.bullying_extra_steps() == 2
