"""Surveys are translated with wagtail-localize like pages: the ids of questions and options
(the keys of every answer) survive translation, a German change shows the English survey as
out of date, and the PO download/upload round trip works."""

from io import StringIO

import polib
import pytest
from django.core.management import call_command
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from editorial import translation_status
from participation.models import Survey
from participation.questionnaire import questions_of
from tests.factories.participation import question, survey

pytestmark = pytest.mark.django_db


def translate_survey(german) -> Survey:
    source, _created = TranslationSource.get_or_create_from_instance(german)
    translation = Translation.objects.create(
        source=source, target_locale=Locale.objects.get(language_code="en"))
    translation.save_target()
    return Survey.objects.get(translation_key=german.translation_key,
                              locale__language_code="en")


@pytest.fixture
def german(site_tree):
    return survey(
        None,
        question("single_choice", "Welcher Dienst zuerst?", options=["Ummelden", "Parken"],
                 allow_other=True, other_label="Anderer Dienst"),
        question("ranking", "Ordnen Sie die Kanäle", options=["App", "Chatbot", "Bürgerbüro"]),
        question("scale", "Wie zufrieden sind Sie?", low_label="gar nicht",
                 high_label="sehr"),
        title="Online-Dienste",
    )


def ids(stream):
    found = []
    for block in stream:
        found.append(block.id)
        if "options" in block.value:
            found += [item.id for item in block.value["options"].bound_blocks]
    return found


def test_block_and_list_item_ids_survive_translating_a_snippet(german):
    english = translate_survey(german)
    assert english.pk != german.pk and english.translation_key == german.translation_key
    assert ids(english.questions) == ids(german.questions)
    assert len(ids(german.questions)) == 3 + 2 + 3


def test_english_questions_match_the_german_ones_by_key_with_german_fallback(german):
    english = translate_survey(german)
    english.questions[0].value["question"] = "Which service first?"
    english.questions[0].value["options"].bound_blocks[0].value = "Moving house"
    english.save()
    english_questions = questions_of(Survey.objects.get(pk=english.pk))
    german_questions = questions_of(german)
    assert [q.key for q in english_questions] == [q.key for q in german_questions]
    first = english_questions[0]
    assert first.label == "Which service first?"
    assert [o.label for o in first.options] == ["Moving house", "Parken"]
    assert [o.key for o in first.options] == [o.key for o in german_questions[0].options]


def test_a_german_change_makes_the_english_survey_out_of_date(german):
    translate_survey(german)
    assert not [i for i in translation_status.work("en")["outdated"] if i.source == german]
    german.questions[0].value["question"] = "Welcher Online-Dienst soll zuerst kommen?"
    german.save()
    outdated = [i for i in translation_status.work("en")["outdated"]
                if i.source.pk == german.pk]
    assert outdated and "Welcher Online-Dienst soll zuerst kommen?" in outdated[0].changed


def test_po_round_trip_of_a_survey(german, tmp_path):
    call_command("translations_po", "export", str(tmp_path))
    files = [path for path in tmp_path.glob("*.po") if path.name.startswith("online-dienste")]
    assert len(files) == 1
    po = polib.pofile(str(files[0]))
    assert {"Welcher Dienst zuerst?", "Ummelden", "Anderer Dienst", "gar nicht"} <= {
        entry.msgid for entry in po}
    for entry in po:
        entry.msgstr = f"EN {entry.msgid}"
    stale = polib.POEntry(msgid="Eine Frage, die es nicht mehr gibt", msgstr="A lost question",
                          msgctxt=po[0].msgctxt)
    po.append(stale)
    files[0].write_text(str(po))
    out = StringIO()
    call_command("translations_po", "import", str(tmp_path), stdout=out)
    assert "rejected" in out.getvalue() and "Eine Frage, die es nicht mehr gibt" in out.getvalue()
    english = Survey.objects.get(translation_key=german.translation_key,
                                 locale__language_code="en")
    assert english.title == "EN Online-Dienste"
    english_questions = questions_of(english)
    assert english_questions[0].label == "EN Welcher Dienst zuerst?"
    assert english_questions[0].other_label == "EN Anderer Dienst"
    assert [o.label for o in english_questions[1].options] == [
        "EN App", "EN Chatbot", "EN Bürgerbüro"]
    assert ids(english.questions) == ids(german.questions)
