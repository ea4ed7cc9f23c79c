"""One form field in GOV.UK Design System markup, rendered in Python.

crispy-forms lays out every step form; for each field it renders ``gds/field.html``, which
our ``templates/gds/field.html`` hands to the tag below. crispy-forms-gds's own field
templates include five more templates per field and Django's widget templates two more:
that was half the server time of a step page (see docs/benchmarks.md). This tag writes the
same markup for the widgets our forms use: text, password, textarea, date and time inputs,
radio buttons and tick boxes. Any other widget is a mistake the tests show at once.

It reads only the field, not crispy's context: the pack's switches for labels and errors
(form_show_labels, form_show_errors), label and legend sizes, inline hints, wrapper
classes and the character count are not supported. No form here uses them.

Every value goes through ``_escape``; only the markup written here is trusted.
"""
import html

from django import forms, template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

register = template.Library()

# The class crispy-forms-gds gives each widget; date and time keep Django's own name.
INPUT_CLASSES = {
    forms.TextInput: "govuk-input",
    forms.PasswordInput: "govuk-input",
    forms.Textarea: "govuk-textarea",
    forms.DateInput: "dateinput",
    forms.TimeInput: "timeinput",
}
ERROR_CLASSES = {forms.TextInput: "govuk-input--error", forms.PasswordInput: "govuk-input--error", forms.Textarea: "govuk-input--error"}
CHOICE_CLASSES = {forms.RadioSelect: "govuk-radios", forms.CheckboxSelectMultiple: "govuk-checkboxes"}


def _escape(value):
    """What Django's ``conditional_escape`` does, without its lazy-string wrapper on every call."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


@register.simple_tag
def gds_field(field):
    widget_class = type(field.field.widget)
    auto_id = _escape(field.auto_id)
    errors = field.errors
    hint_id = f"{auto_id}_hint" if field.help_text else ""
    error_ids = [f"{auto_id}_{number}_error" for number in range(1, len(errors) + 1)]
    described_by = " ".join([hint_id, *error_ids]).strip()
    parts = [f'<div id="{hint_id}" class="govuk-hint">{_escape(field.help_text)}</div>'] if hint_id else []
    error_word = _escape(gettext("Fout:"))
    parts += [
        f'<p id="{error_id}" class="govuk-error-message"><span class="govuk-visually-hidden">{error_word}</span> {_escape(error)}</p>'
        for error_id, error in zip(error_ids, errors)
    ]
    if widget_class in CHOICE_CLASSES:
        body = _choices(field, widget_class, described_by, "".join(parts))
    elif widget_class in INPUT_CLASSES:
        label = f'<label for="{_escape(field.id_for_label)}" class="govuk-label">{_escape(field.label)}</label>'
        body = label + "".join(parts) + _widget(field, widget_class, described_by)
    else:
        raise TypeError(f"gds_field cannot draw a {widget_class.__name__}; add it to wizard/templatetags/gds_fields.py")
    group_class = "govuk-form-group govuk-form-group--error" if errors else "govuk-form-group"
    return mark_safe(f'<div id="div_{auto_id}" class="{group_class}">{body}</div>')


def _widget(field, widget_class, described_by):
    """The input itself, with the attributes Django would give it (id, aria-invalid, ...)."""
    # Classes the widget itself carries come after ours, as crispy-forms-gds adds them.
    css_class = " ".join([INPUT_CLASSES[widget_class], *field.field.widget.attrs.get("class", "").split()])
    if field.errors and widget_class in ERROR_CLASSES:
        css_class += " " + ERROR_CLASSES[widget_class]
    attrs = {"aria-describedby": described_by} if described_by else {}
    attrs = field.build_widget_attrs({**attrs, "class": css_class})
    attrs.setdefault("id", field.auto_id)
    widget = field.field.widget.get_context(field.html_name, field.value(), attrs)["widget"]
    name, value = _escape(widget["name"]), widget["value"]
    if widget_class is forms.Textarea:
        # The newline after the tag keeps a value that starts with one: browsers drop the first.
        return f'<textarea name="{name}"{_attrs(widget["attrs"])}>\n{_escape(value or "")}</textarea>'
    value = f' value="{_escape(value)}"' if value not in (None, "") else ""
    return f'<input type="{_escape(widget["type"])}" name="{name}"{value}{_attrs(widget["attrs"])}>'


def _attrs(attrs):
    """HTML attributes as Django's widgets/attrs.html writes them: True alone, False and None left out."""
    return "".join(
        f" {_escape(name)}" if value is True else f' {_escape(name)}="{_escape(value)}"'
        for name, value in attrs.items()
        if value is not False and value is not None
    )


def _choices(field, widget_class, described_by, hint_and_errors):
    """Radio buttons or tick boxes in a fieldset, the question as its legend."""
    kind = CHOICE_CLASSES[widget_class]
    input_type = field.field.widget.input_type
    name = _escape(field.html_name)
    # Django's own rule for what is chosen: nothing for None, a single value as a list of one.
    chosen = set(field.field.widget.format_value(field.value()))
    items = []
    for number, (choice, label) in enumerate(field.field.choices, start=1):
        checked = ' checked="checked"' if str(choice) in chosen else ""
        item_id = f"id_{name}_{number}"
        items.append(
            f'<div class="{kind}__item"><input type="{input_type}" name="{name}" class="{kind}__input" id="{item_id}" '
            f'value="{_escape(choice)}"{checked}><label class="govuk-label {kind}__label" for="{item_id}">{_escape(label)}</label></div>'
        )
    described = f' aria-describedby="{described_by}"' if described_by else ""
    return (
        f'<fieldset class="govuk-fieldset"{described}><legend class="govuk-fieldset__legend">{_escape(field.label)}</legend>'
        f'{hint_and_errors}<div class="{kind}">{"".join(items)}</div></fieldset>'
    )
