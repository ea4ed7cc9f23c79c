"""Read a draft through the step registry: the summary for the check page and the plan for the PDF."""
from dataclasses import dataclass, field

from . import content, forms, steps
from .roadmap import build_roadmap

DONE, EMPTY, NEEDS_WORK = "klaar", "leeg", "fout"


@dataclass
class StepSummary:
    step: steps.Step
    status: str
    rows: list = field(default_factory=list)


def _status(form):
    """DONE, EMPTY or NEEDS_WORK for a step's stored form; None means never saved."""
    if form is None:
        return EMPTY
    if not form.is_valid():
        return NEEDS_WORK
    return DONE if form.has_answers() else EMPTY


def summarise(draft):
    """One summary per applicable step: its status and (label, shown value) rows."""
    summaries = []
    for step in steps.applicable_steps(draft):
        form = forms.stored_form(draft, step.key, step.form_class)
        status = _status(form)
        if form is None:
            rows = step.form_class(draft=draft).empty_rows()
        else:
            rows = [] if status == NEEDS_WORK else form.display_rows()
        summaries.append(StepSummary(step, status, rows))
    return summaries


def statuses(draft):
    """A summary without rows per applicable step, for the step list: cheaper than ``summarise``."""
    return [
        StepSummary(step, _status(forms.stored_form(draft, step.key, step.form_class)))
        for step in steps.applicable_steps(draft)
    ]


def clean_answers(draft):
    """{step slug: cleaned data} for every applicable step that is saved and valid."""
    answers = {}
    for step in steps.applicable_steps(draft):
        if draft.step_data(step.key) is None:
            continue
        form = steps.form_for(step, draft)
        if form.is_valid():
            answers[step.key] = form
    return answers


@dataclass
class Plan:
    """What the printed sheet shows, in the order it shows it."""

    about: dict
    going: dict
    child: list
    top_questions: list
    other_questions: list
    talking_points: list
    goal: dict
    follow_up: dict
    bullying: dict = field(default_factory=dict)

    @property
    def conversation_date(self):
        return self.about.get("date")

    @property
    def person(self):
        name = self.about.get("partner_name")
        role = self.about.get("partner_role_label")
        return name or role or ""


def _values(forms_by_slug, slug):
    """A valid step's clean values, plus ``<name>_label`` for each chosen radio button."""
    form = forms_by_slug.get(slug)
    if form is None:
        return {}
    values = dict(form.cleaned_data)
    for name, form_field in form.fields.items():
        if isinstance(form_field, forms.ChoiceField) and values.get(name):
            values[f"{name}_label"] = forms.display_value(form_field, values[name])
    return values


def _labelled(forms_by_slug, slug, names):
    """[(label, value)] for the non-empty fields ``names`` of a step."""
    form = forms_by_slug.get(slug)
    if form is None:
        return []
    return [
        (form.fields[name].label, form.cleaned_data[name])
        for name in names
        if form.cleaned_data.get(name)
    ]


def build_plan(draft):
    valid = clean_answers(draft)
    about = _values(valid, steps.ABOUT.key)
    going = _values(valid, steps.GOING.key)

    questions = forms.asked_questions(draft)
    chosen_top = set(_values(valid, steps.TOP_QUESTIONS.key).get("top") or [])
    if len(questions) <= content.TOP_QUESTIONS:
        chosen_top = {value for value, _text in questions}
    top = [text for value, text in questions if value in chosen_top]
    other = [text for value, text in questions if value not in chosen_top]

    agreements = _values(valid, steps.GOAL.key)
    bullying = _bullying(draft, valid) if forms.about_bullying(draft) else {}
    return Plan(
        about=about,
        going=going,
        child=_labelled(
            valid,
            steps.CHILD.key,
            ["likes", "dislikes", "report_reaction", "wants_said", "not_said", "other"],
        ),
        top_questions=top,
        other_questions=other,
        talking_points=_labelled(
            valid, steps.TELL.key, ["at_home", "says_about_school", "homework", "hobbies", "own_points"]
        ),
        goal={k: agreements.get(k, "") for k in ("hope", "goal_who", "goal_what", "goal_when")},
        follow_up={
            "way": agreements.get("follow_up_way_label", ""),
            "when": agreements.get("follow_up_when", ""),
        },
        bullying=bullying,
    )


def _bullying(draft, valid):
    """The incident log, signs, what was done, the wishes and the fitted roadmap."""
    incidents = valid.get(steps.INCIDENTS.key)
    wishes = valid.get(steps.WISHES.key)
    table = incidents.incident_table() if incidents is not None else ((), [])
    wish_values = _values(valid, steps.WISHES.key)
    return {
        "incident_headers": table[0],
        "incidents": table[1],
        "signs": _shown(incidents, "signs"),
        "other_signs": incidents.cleaned_data["other_signs"] if incidents is not None else "",
        "already": _labelled(valid, steps.INCIDENTS.key, ["already_who", "already_when", "already_result"]),
        "wishes": _shown(wishes, "wishes"),
        "own_wishes": wish_values.get("own_wishes", ""),
        "hear_back": wish_values.get("hear_back", ""),
        "roadmap": build_roadmap(draft),
    }


def _shown(form, name):
    if form is None:
        return []
    return forms.display_value(form.fields[name], form.cleaned_data.get(name)) or []
