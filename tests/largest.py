"""The largest draft that passes validation: every field at its limit, every row, every box ticked.

Used by the test that proves such a draft still prints, and by the PDF benchmark.
"""
import datetime

from django import forms as django_forms

from wizard import content, forms, steps


def long_text(limit, lines):
    """``limit`` characters of Dutch-looking words, spread over ``lines`` lines."""
    per_line = max(1, limit // lines) - 1
    line = ("woorden " * (per_line // 8 + 1))[:per_line]
    return "\n".join([line] * lines)[:limit]


def _field_value(field):
    if isinstance(field, forms.MultipleChoiceField):
        return [str(value) for value, _label in field.choices]
    if isinstance(field, forms.ChoiceField):
        return str(field.choices[-1][0])
    if isinstance(field, forms.DateField):
        return (datetime.date.today() - datetime.timedelta(days=1)).isoformat()
    if isinstance(field, forms.TimeField):
        return "15:30"
    if isinstance(field, forms.TextField):
        lines = forms.LONG_TEXT_LINES if isinstance(field.widget, django_forms.Textarea) else 1
        return long_text(field.limit, lines)
    raise TypeError(field)


def largest_answers(about_bullying=True):
    """{step key: stored values} for the largest valid draft."""
    answers = {}
    for step in steps.steps_in(steps.PREPARE):
        values = {name: _field_value(field) for name, field in step.form_class.base_fields.items()}
        answers[step.key] = values
    answers[steps.ABOUT.key].update(topic=content.TOPIC_BULLYING if about_bullying else content.TOPIC_REPORT)
    answers[steps.QUESTIONS.key]["own_questions"] = "\n".join(
        f"{number} " + long_text(forms.QUESTION_TEXT - 3, 1) for number in range(10, 10 + content.MAX_OWN_QUESTIONS)
    )
    answers[steps.TOP_QUESTIONS.key]["top"] = ["herkent-pesten", "hoe-kijkt-u", "niet-veilig"]
    row = {name: _field_value(field) for name, field in forms.IncidentForm.base_fields.items()}
    incidents = answers[steps.INCIDENTS.key]
    for number in range(content.MAX_INCIDENTS):
        incidents.update({f"voorval-{number}-{name}": value for name, value in row.items()})
    incidents["voorval-TOTAL_FORMS"] = str(content.MAX_INCIDENTS)
    incidents["voorval-INITIAL_FORMS"] = "0"
    return answers


def largest_valid_answers():
    """The largest draft that is valid as a whole: every row and box, and the draft's text budget
    (DRAFT_TEXT_BUDGET characters, DRAFT_LINE_BUDGET lines) spread over every text field."""
    answers = largest_answers()
    slots = []
    for step in steps.steps_in(steps.PREPARE):
        for name, field in step.form_class.base_fields.items():
            if isinstance(field, forms.TextField) and step is not steps.QUESTIONS:
                slots.append((answers[step.key], name, field))
    for number in range(content.MAX_INCIDENTS):
        for name, field in forms.IncidentForm.base_fields.items():
            if isinstance(field, forms.TextField):
                slots.append((answers[steps.INCIDENTS.key], f"voorval-{number}-{name}", field))
    questions = answers[steps.QUESTIONS.key]["own_questions"]
    characters = forms.DRAFT_TEXT_BUDGET - len(questions.replace("\n", ""))
    lines = forms.DRAFT_LINE_BUDGET - len(questions.splitlines())
    long_slots = [slot for slot in slots if isinstance(slot[2].widget, django_forms.Textarea)]
    lines -= len(slots) - len(long_slots)  # each short field is one line
    for values, name, field in slots:
        if isinstance(field.widget, django_forms.Textarea):
            share_lines = min(forms.LONG_TEXT_LINES, lines // len(long_slots))
            share = min(field.limit, characters // len(slots))
            values[name] = long_text(share, max(1, share_lines))
        else:
            values[name] = long_text(min(field.limit, characters // len(slots)), 1)
    return answers
