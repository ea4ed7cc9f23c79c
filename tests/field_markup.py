"""What gds_field writes for every kind of widget our forms use, byte for byte (tests/test_fields.py).

Recorded from the tag as it was before it was rewritten with format_html, for the form
``EveryWidget`` in tests/test_fields.py: each label, hint, value, choice and error holds
``<script>&"'``. FILLED_IN is that form bound to those values, with two errors more on every
field; EMPTY_IN_A_ROW is the same form unbound, with the prefix "rij-1". Change these only
on purpose, when the markup should change.
"""

FILLED_IN = {
    "text": (
        '<div id="div_id_text" class="govuk-form-group govuk-form-group--error">'
        '<label for="id_text" class="govuk-label">Tekst &lt;script&gt;&amp;&quot;&#x27;</label>'
        '<div id="id_text_hint" class="govuk-hint">Hint &lt;script&gt;&amp;&quot;&#x27;</div>'
        '<p id="id_text_1_error" class="govuk-error-message"><span class="govuk-visually-hidden">Fout:</span>'
        ' Fout &lt;script&gt;&amp;&quot;&#x27;</p><p id="id_text_2_error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Fout:</span> Tweede fout</p>'
        '<input type="text" name="text" value="&lt;script&gt;&amp;&quot;&#x27;" autocomplete="off" aria-describedby="id_text_hint id_text_1_error id_text_2_error" class="govuk-input govuk-input--error" aria-invalid="true" id="id_text">'
        '</div>'
    ),
    "story": (
        '<div id="div_id_story" class="govuk-form-group govuk-form-group--error">'
        '<label for="id_story" class="govuk-label">Verhaal &lt;script&gt;&amp;&quot;&#x27;</label>'
        '<div id="id_story_hint" class="govuk-hint">Hint &lt;script&gt;&amp;&quot;&#x27;</div>'
        '<p id="id_story_1_error" class="govuk-error-message"><span class="govuk-visually-hidden">'
        'Fout:</span> Fout &lt;script&gt;&amp;&quot;&#x27;</p>'
        '<p id="id_story_2_error" class="govuk-error-message"><span class="govuk-visually-hidden">'
        'Fout:</span> Tweede fout</p>'
        '<textarea name="story" cols="40" rows="3" aria-describedby="id_story_hint id_story_1_error id_story_2_error" class="govuk-textarea govuk-input--error" aria-invalid="true" id="id_story">'
        '\n&lt;script&gt;&amp;&quot;&#x27;</textarea></div>'
    ),
    "day": (
        '<div id="div_id_day" class="govuk-form-group govuk-form-group--error">'
        '<label for="id_day" class="govuk-label">Dag &lt;script&gt;&amp;&quot;&#x27;</label>'
        '<div id="id_day_hint" class="govuk-hint">Hint &lt;script&gt;&amp;&quot;&#x27;</div>'
        '<p id="id_day_1_error" class="govuk-error-message"><span class="govuk-visually-hidden">Fout:</span>'
        ' Vul een echte datum in, bijvoorbeeld 3-12-2026.</p>'
        '<p id="id_day_2_error" class="govuk-error-message"><span class="govuk-visually-hidden">Fout:</span>'
        ' Fout &lt;script&gt;&amp;&quot;&#x27;</p><p id="id_day_3_error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Fout:</span> Tweede fout</p>'
        '<input type="date" name="day" value="&lt;script&gt;&amp;&quot;&#x27;" aria-describedby="id_day_hint id_day_1_error id_day_2_error id_day_3_error" class="dateinput" aria-invalid="true" id="id_day">'
        '</div>'
    ),
    "at": (
        '<div id="div_id_at" class="govuk-form-group govuk-form-group--error">'
        '<label for="id_at" class="govuk-label">Tijd &lt;script&gt;&amp;&quot;&#x27;</label>'
        '<div id="id_at_hint" class="govuk-hint">Hint &lt;script&gt;&amp;&quot;&#x27;</div>'
        '<p id="id_at_1_error" class="govuk-error-message"><span class="govuk-visually-hidden">Fout:</span>'
        ' Vul een echte tijd in, bijvoorbeeld 15:30.</p><p id="id_at_2_error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Fout:</span> Fout &lt;script&gt;&amp;&quot;&#x27;</p>'
        '<p id="id_at_3_error" class="govuk-error-message"><span class="govuk-visually-hidden">Fout:</span>'
        ' Tweede fout</p>'
        '<input type="time" name="at" value="&lt;script&gt;&amp;&quot;&#x27;" aria-describedby="id_at_hint id_at_1_error id_at_2_error id_at_3_error" class="timeinput" aria-invalid="true" id="id_at">'
        '</div>'
    ),
    "secret": (
        '<div id="div_id_secret" class="govuk-form-group govuk-form-group--error">'
        '<label for="id_secret" class="govuk-label">Wachtwoord &lt;script&gt;&amp;&quot;&#x27;</label>'
        '<div id="id_secret_hint" class="govuk-hint">Hint &lt;script&gt;&amp;&quot;&#x27;</div>'
        '<p id="id_secret_1_error" class="govuk-error-message"><span class="govuk-visually-hidden">'
        'Fout:</span> Fout &lt;script&gt;&amp;&quot;&#x27;</p>'
        '<p id="id_secret_2_error" class="govuk-error-message"><span class="govuk-visually-hidden">'
        'Fout:</span> Tweede fout</p>'
        '<input type="password" name="secret" value="&lt;script&gt;&amp;&quot;&#x27;" aria-describedby="id_secret_hint id_secret_1_error id_secret_2_error" class="govuk-input govuk-input--error" required aria-invalid="true" id="id_secret">'
        '</div>'
    ),
    "way": (
        '<div id="div_id_way" class="govuk-form-group govuk-form-group--error">'
        '<fieldset class="govuk-fieldset" aria-describedby="id_way_hint id_way_1_error id_way_2_error">'
        '<legend class="govuk-fieldset__legend">Hoe &lt;script&gt;&amp;&quot;&#x27;</legend>'
        '<div id="id_way_hint" class="govuk-hint">Hint &lt;script&gt;&amp;&quot;&#x27;</div>'
        '<p id="id_way_1_error" class="govuk-error-message"><span class="govuk-visually-hidden">Fout:</span>'
        ' Fout &lt;script&gt;&amp;&quot;&#x27;</p><p id="id_way_2_error" class="govuk-error-message">'
        '<span class="govuk-visually-hidden">Fout:</span> Tweede fout</p><div class="govuk-radios">'
        '<div class="govuk-radios__item">'
        '<input type="radio" name="way" class="govuk-radios__input" id="id_way_1" value="&lt;script&gt;&amp;&quot;&#x27;" checked="checked">'
        '<label class="govuk-label govuk-radios__label" for="id_way_1">'
        'Keuze &lt;script&gt;&amp;&quot;&#x27;</label></div><div class="govuk-radios__item">'
        '<input type="radio" name="way" class="govuk-radios__input" id="id_way_2" value="b">'
        '<label class="govuk-label govuk-radios__label" for="id_way_2">B</label></div></div></fieldset></div>'
    ),
    "ticks": (
        '<div id="div_id_ticks" class="govuk-form-group govuk-form-group--error">'
        '<fieldset class="govuk-fieldset" aria-describedby="id_ticks_hint id_ticks_1_error id_ticks_2_error">'
        '<legend class="govuk-fieldset__legend">Vragen &lt;script&gt;&amp;&quot;&#x27;</legend>'
        '<div id="id_ticks_hint" class="govuk-hint">Hint &lt;script&gt;&amp;&quot;&#x27;</div>'
        '<p id="id_ticks_1_error" class="govuk-error-message"><span class="govuk-visually-hidden">'
        'Fout:</span> Fout &lt;script&gt;&amp;&quot;&#x27;</p>'
        '<p id="id_ticks_2_error" class="govuk-error-message"><span class="govuk-visually-hidden">'
        'Fout:</span> Tweede fout</p><div class="govuk-checkboxes"><div class="govuk-checkboxes__item">'
        '<input type="checkbox" name="ticks" class="govuk-checkboxes__input" id="id_ticks_1" value="&lt;script&gt;&amp;&quot;&#x27;" checked="checked">'
        '<label class="govuk-label govuk-checkboxes__label" for="id_ticks_1">'
        'Vraag &lt;script&gt;&amp;&quot;&#x27;</label></div><div class="govuk-checkboxes__item">'
        '<input type="checkbox" name="ticks" class="govuk-checkboxes__input" id="id_ticks_2" value="b">'
        '<label class="govuk-label govuk-checkboxes__label" for="id_ticks_2">B</label></div>'
        '<div class="govuk-checkboxes__item">'
        '<input type="checkbox" name="ticks" class="govuk-checkboxes__input" id="id_ticks_3" value="c" checked="checked">'
        '<label class="govuk-label govuk-checkboxes__label" for="id_ticks_3">C</label></div></div></fieldset>'
        '</div>'
    ),
}

EMPTY_IN_A_ROW = {
    "text": (
        '<div id="div_id_rij-1-text" class="govuk-form-group"><label for="id_rij-1-text" class="govuk-label">'
        'Tekst &lt;script&gt;&amp;&quot;&#x27;</label><div id="id_rij-1-text_hint" class="govuk-hint">'
        'Hint &lt;script&gt;&amp;&quot;&#x27;</div>'
        '<input type="text" name="rij-1-text" autocomplete="off" aria-describedby="id_rij-1-text_hint" class="govuk-input" id="id_rij-1-text">'
        '</div>'
    ),
    "story": (
        '<div id="div_id_rij-1-story" class="govuk-form-group">'
        '<label for="id_rij-1-story" class="govuk-label">Verhaal &lt;script&gt;&amp;&quot;&#x27;</label>'
        '<div id="id_rij-1-story_hint" class="govuk-hint">Hint &lt;script&gt;&amp;&quot;&#x27;</div>'
        '<textarea name="rij-1-story" cols="40" rows="3" aria-describedby="id_rij-1-story_hint" class="govuk-textarea" id="id_rij-1-story">'
        '\n</textarea></div>'
    ),
    "day": (
        '<div id="div_id_rij-1-day" class="govuk-form-group"><label for="id_rij-1-day" class="govuk-label">'
        'Dag &lt;script&gt;&amp;&quot;&#x27;</label><div id="id_rij-1-day_hint" class="govuk-hint">'
        'Hint &lt;script&gt;&amp;&quot;&#x27;</div>'
        '<input type="date" name="rij-1-day" aria-describedby="id_rij-1-day_hint" class="dateinput" id="id_rij-1-day">'
        '</div>'
    ),
    "at": (
        '<div id="div_id_rij-1-at" class="govuk-form-group"><label for="id_rij-1-at" class="govuk-label">'
        'Tijd &lt;script&gt;&amp;&quot;&#x27;</label><div id="id_rij-1-at_hint" class="govuk-hint">'
        'Hint &lt;script&gt;&amp;&quot;&#x27;</div>'
        '<input type="time" name="rij-1-at" aria-describedby="id_rij-1-at_hint" class="timeinput" id="id_rij-1-at">'
        '</div>'
    ),
    "secret": (
        '<div id="div_id_rij-1-secret" class="govuk-form-group">'
        '<label for="id_rij-1-secret" class="govuk-label">Wachtwoord &lt;script&gt;&amp;&quot;&#x27;</label>'
        '<div id="id_rij-1-secret_hint" class="govuk-hint">Hint &lt;script&gt;&amp;&quot;&#x27;</div>'
        '<input type="password" name="rij-1-secret" aria-describedby="id_rij-1-secret_hint" class="govuk-input" required id="id_rij-1-secret">'
        '</div>'
    ),
    "way": (
        '<div id="div_id_rij-1-way" class="govuk-form-group">'
        '<fieldset class="govuk-fieldset" aria-describedby="id_rij-1-way_hint">'
        '<legend class="govuk-fieldset__legend">Hoe &lt;script&gt;&amp;&quot;&#x27;</legend>'
        '<div id="id_rij-1-way_hint" class="govuk-hint">Hint &lt;script&gt;&amp;&quot;&#x27;</div>'
        '<div class="govuk-radios"><div class="govuk-radios__item">'
        '<input type="radio" name="rij-1-way" class="govuk-radios__input" id="id_rij-1-way_1" value="&lt;script&gt;&amp;&quot;&#x27;">'
        '<label class="govuk-label govuk-radios__label" for="id_rij-1-way_1">'
        'Keuze &lt;script&gt;&amp;&quot;&#x27;</label></div><div class="govuk-radios__item">'
        '<input type="radio" name="rij-1-way" class="govuk-radios__input" id="id_rij-1-way_2" value="b">'
        '<label class="govuk-label govuk-radios__label" for="id_rij-1-way_2">B</label></div></div></fieldset>'
        '</div>'
    ),
    "ticks": (
        '<div id="div_id_rij-1-ticks" class="govuk-form-group">'
        '<fieldset class="govuk-fieldset" aria-describedby="id_rij-1-ticks_hint">'
        '<legend class="govuk-fieldset__legend">Vragen &lt;script&gt;&amp;&quot;&#x27;</legend>'
        '<div id="id_rij-1-ticks_hint" class="govuk-hint">Hint &lt;script&gt;&amp;&quot;&#x27;</div>'
        '<div class="govuk-checkboxes"><div class="govuk-checkboxes__item">'
        '<input type="checkbox" name="rij-1-ticks" class="govuk-checkboxes__input" id="id_rij-1-ticks_1" value="&lt;script&gt;&amp;&quot;&#x27;">'
        '<label class="govuk-label govuk-checkboxes__label" for="id_rij-1-ticks_1">'
        'Vraag &lt;script&gt;&amp;&quot;&#x27;</label></div><div class="govuk-checkboxes__item">'
        '<input type="checkbox" name="rij-1-ticks" class="govuk-checkboxes__input" id="id_rij-1-ticks_2" value="b">'
        '<label class="govuk-label govuk-checkboxes__label" for="id_rij-1-ticks_2">B</label></div>'
        '<div class="govuk-checkboxes__item">'
        '<input type="checkbox" name="rij-1-ticks" class="govuk-checkboxes__input" id="id_rij-1-ticks_3" value="c">'
        '<label class="govuk-label govuk-checkboxes__label" for="id_rij-1-ticks_3">C</label></div></div>'
        '</fieldset></div>'
    ),
}

